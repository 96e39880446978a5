package com.ticketbounty.reliability.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The stub e-mail provider's request journal, read as it grows: each e-mail once, with the {@code
 * Idempotency-Key} it was sent with (one per side effect, however often it is retried) and when it
 * arrived. WireMock logs a request as it receives it.
 */
final class ProviderJournal {
  /** One e-mail as the provider received it. */
  record Email(String idempotencyKey, String body, long receivedMicros) {}

  private final WireMockServer provider;
  private final Set<UUID> seen = new HashSet<>();

  ProviderJournal(WireMockServer provider) {
    this.provider = provider;
  }

  /** The e-mails received since the last call. */
  synchronized List<Email> newEmails() {
    List<Email> emails = new ArrayList<>();
    for (LoggedRequest request : provider.findAll(postRequestedFor(urlEqualTo("/emails")))) {
      if (seen.add(request.getId())) {
        String key =
            request.containsHeader("Idempotency-Key") ? request.getHeader("Idempotency-Key") : "";
        emails.add(
            new Email(key, request.getBodyAsString(), request.getLoggedDate().getTime() * 1_000));
      }
    }
    return emails;
  }
}
