package com.ticketbounty.notification.adapter.out.email;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.EmailRejectedException;
import com.ticketbounty.notification.domain.Email;
import com.ticketbounty.testsupport.TcpProxy;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;

class ResendEmailSenderTest {
  @RegisterExtension
  static final WireMockExtension PROVIDER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Email EMAIL =
      new Email(
          "TicketBounty <noreply@ticketbounty.local>",
          List.of("ada@example.com"),
          "Ticket created: Fix the login page",
          "<p>Fix the login page</p>",
          "Fix the login page");

  @Test
  void postsTheEmailAsJsonWithTheKeyAndIdempotencyKey() {
    PROVIDER.stubFor(post("/emails").willReturn(okJson("{\"id\":\"49a3999c\"}")));

    sender("re_test_key", Duration.ofSeconds(5)).send(EMAIL, "ticket-created:event-1");

    PROVIDER.verify(
        1,
        postRequestedFor(urlEqualTo("/emails"))
            .withHeader("Authorization", equalTo("Bearer re_test_key"))
            .withHeader("Idempotency-Key", equalTo("ticket-created:event-1"))
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
  void sendsNoAuthorizationWhenNoKeyIsConfigured() {
    PROVIDER.stubFor(post("/emails").willReturn(okJson("{}")));

    sender("", Duration.ofSeconds(5)).send(EMAIL, "key-1");

    PROVIDER.verify(postRequestedFor(urlEqualTo("/emails")).withHeader("Authorization", absent()));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422})
  void treatsAClientErrorAsAPermanentRejection(int status) {
    PROVIDER.stubFor(
        post("/emails")
            .willReturn(aResponse().withStatus(status).withBody("{\"message\":\"bad to\"}")));

    assertThatThrownBy(() -> sender("key", Duration.ofSeconds(5)).send(EMAIL, "key-1"))
        .isInstanceOf(EmailRejectedException.class)
        .hasMessageContaining(String.valueOf(status))
        .hasMessageContaining("bad to");
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503})
  void treatsAServerErrorTimeoutOrThrottleAsRetriable(int status) {
    PROVIDER.stubFor(post("/emails").willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(() -> sender("key", Duration.ofSeconds(5)).send(EMAIL, "key-1"))
        .isInstanceOf(EmailNotSentException.class)
        .hasMessageContaining(String.valueOf(status));
  }

  @Test
  void givesUpOnASlowProviderAfterTheTimeout() {
    PROVIDER.stubFor(post("/emails").willReturn(okJson("{}").withFixedDelay(5_000)));
    ResendEmailSender sender = sender("key", Duration.ofMillis(300));

    long started = System.nanoTime();
    assertThatThrownBy(() -> sender.send(EMAIL, "key-1"))
        .isInstanceOf(EmailNotSentException.class)
        .hasCauseInstanceOf(TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void treatsAnUnreachableProviderAsRetriable() {
    ResendEmailSender sender =
        ResendEmailSender.create(
            WebClient.builder(),
            new ResendSettings(
                "http://127.0.0.1:" + TcpProxy.freePort(), "key", Duration.ofSeconds(5)));

    assertThatThrownBy(() -> sender.send(EMAIL, "key-1"))
        .isInstanceOf(EmailNotSentException.class)
        .hasMessageContaining("call failed");
  }

  @Test
  void stopsCallingAFailingProviderOnceItsCircuitOpens() {
    PROVIDER.stubFor(post("/emails").willReturn(aResponse().withStatus(503)));
    ResendEmailSender sender = sender("key", Duration.ofSeconds(5));

    for (int call = 0; call < 5; call++) {
      assertThatThrownBy(() -> sender.send(EMAIL, "key-1"))
          .isInstanceOf(EmailNotSentException.class);
    }
    assertThatThrownBy(() -> sender.send(EMAIL, "key-1"))
        .isInstanceOf(EmailNotSentException.class)
        .hasCauseInstanceOf(CallNotPermittedException.class);

    PROVIDER.verify(5, postRequestedFor(urlEqualTo("/emails")));
  }

  @Test
  void keepsCallingAProviderThatOnlyRejectsBadEmails() {
    PROVIDER.stubFor(post("/emails").willReturn(aResponse().withStatus(422)));
    ResendEmailSender sender = sender("key", Duration.ofSeconds(5));

    for (int call = 0; call < 8; call++) {
      assertThatThrownBy(() -> sender.send(EMAIL, "key-1"))
          .isInstanceOf(EmailRejectedException.class);
    }

    PROVIDER.verify(8, postRequestedFor(urlEqualTo("/emails")));
  }

  private static ResendEmailSender sender(String apiKey, Duration timeout) {
    return ResendEmailSender.create(
        WebClient.builder(), new ResendSettings(PROVIDER.baseUrl(), apiKey, timeout));
  }
}
