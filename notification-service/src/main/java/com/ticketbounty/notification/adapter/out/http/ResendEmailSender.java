package com.ticketbounty.notification.adapter.out.http;

import com.ticketbounty.notification.application.EmailSender;
import com.ticketbounty.notification.domain.Email;
import java.time.Clock;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends e-mails through a Resend-compatible API (DESIGN.md §9): {@code POST <base>/emails} with a
 * bearer key and an {@code Idempotency-Key}, so that the provider sends one e-mail per key however
 * often a redelivered event makes us call it. The key is passed exactly as the caller gave it.
 *
 * <p>Time limit, circuit breaker ({@code email}) and the mapping of failures onto {@link
 * com.ticketbounty.notification.application.EmailRejectedException} / {@link
 * com.ticketbounty.notification.application.EmailNotSentException} (with {@code Retry-After}) are
 * {@link ProviderClient}'s.
 */
public final class ResendEmailSender implements EmailSender {
  /** The provider's name in messages and the name of its circuit breaker. */
  public static final String PROVIDER = "email";

  private final ProviderClient provider;
  private final String apiKey;

  ResendEmailSender(ProviderClient provider, String apiKey) {
    this.provider = provider;
    this.apiKey = apiKey;
  }

  public static ResendEmailSender create(
      WebClient.Builder webClient, ResendSettings settings, Clock clock) {
    return new ResendEmailSender(
        ProviderClient.create(
            ProviderEndpoint.under(PROVIDER, settings.baseUrl(), "/emails", settings.timeout()),
            webClient,
            ProviderFailures.EMAIL,
            clock),
        settings.apiKey());
  }

  @Override
  public void send(Email email, String idempotencyKey) {
    provider.post(
        ResendRequest.of(email),
        headers -> {
          if (!apiKey.isBlank()) {
            headers.setBearerAuth(apiKey);
          }
          headers.set("Idempotency-Key", idempotencyKey);
        });
  }
}
