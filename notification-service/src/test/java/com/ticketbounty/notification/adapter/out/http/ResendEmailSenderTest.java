package com.ticketbounty.notification.adapter.out.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.EmailRejectedException;
import com.ticketbounty.notification.application.ProviderRejectedException;
import com.ticketbounty.notification.application.ProviderUnavailableException;
import com.ticketbounty.notification.domain.Email;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The Resend-compatible e-mail API, and everything {@link HttpProviderContract} holds. */
class ResendEmailSenderTest extends HttpProviderContract {
  private static final Email EMAIL =
      new Email(
          "TicketBounty <noreply@ticketbounty.local>",
          List.of("ada@example.com"),
          "Ticket created: Fix the login page",
          "<p>Fix the login page</p>",
          "Fix the login page");

  @Override
  String path() {
    return "/emails";
  }

  @Override
  Call adapter(String baseUrl, Duration timeout, Clock clock) {
    ResendEmailSender sender = sender(baseUrl, "re_test_key", timeout, clock);
    return () -> sender.send(EMAIL, "key-1");
  }

  @Override
  Class<? extends ProviderRejectedException> rejected() {
    return EmailRejectedException.class;
  }

  @Override
  Class<? extends ProviderUnavailableException> unavailable() {
    return EmailNotSentException.class;
  }

  @Test
  void postsTheEmailAsJsonWithTheKeyAndTheCallersIdempotencyKey() {
    answer(okJson("{\"id\":\"49a3999c\"}"));

    sender(PROVIDER.baseUrl(), "re_test_key", PATIENT, Clock.systemUTC())
        .send(EMAIL, "0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c:send-confirmation");

    PROVIDER.verify(
        1,
        postRequestedFor(urlEqualTo("/emails"))
            .withHeader("Authorization", equalTo("Bearer re_test_key"))
            .withHeader(
                "Idempotency-Key",
                equalTo("0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c:send-confirmation"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"from": "TicketBounty <noreply@ticketbounty.local>",
                     "to": ["ada@example.com"],
                     "subject": "Ticket created: Fix the login page",
                     "html": "<p>Fix the login page</p>",
                     "text": "Fix the login page"}
                    """)));
  }

  @Test
  void sendsTheEmailsOwnHeadersInResendsHeadersObject() {
    answer(okJson("{}"));
    Email withUnsubscribe =
        new Email(
            EMAIL.from(),
            EMAIL.to(),
            EMAIL.subject(),
            EMAIL.html(),
            EMAIL.text(),
            Map.of("List-Unsubscribe", "<https://app.example.com/settings/notifications>"));

    sender(PROVIDER.baseUrl(), "re_test_key", PATIENT, Clock.systemUTC())
        .send(withUnsubscribe, "key-1");

    PROVIDER.verify(
        postRequestedFor(urlEqualTo("/emails"))
            .withRequestBody(
                equalToJson(
                    """
                    {"headers": {"List-Unsubscribe":
                                 "<https://app.example.com/settings/notifications>"}}
                    """,
                    true,
                    true)));
  }

  @Test
  void sendsNoAuthorizationWhenNoKeyIsConfigured() {
    answer(okJson("{}"));

    sender(PROVIDER.baseUrl(), "", PATIENT, Clock.systemUTC()).send(EMAIL, "key-1");

    PROVIDER.verify(postRequestedFor(urlEqualTo("/emails")).withHeader("Authorization", absent()));
  }

  @Test
  void joinsABaseUrlWithATrailingSlashOnce() {
    answer(okJson("{}"));

    sender(PROVIDER.baseUrl() + "/", "key", PATIENT, Clock.systemUTC()).send(EMAIL, "key-1");

    PROVIDER.verify(1, postRequestedFor(urlEqualTo("/emails")));
  }

  private static ResendEmailSender sender(
      String baseUrl, String apiKey, Duration timeout, Clock clock) {
    return ResendEmailSender.create(
        WebClient.builder(), new ResendSettings(baseUrl, apiKey, timeout), clock);
  }
}
