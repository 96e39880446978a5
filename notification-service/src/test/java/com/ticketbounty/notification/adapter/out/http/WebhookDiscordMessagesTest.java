package com.ticketbounty.notification.adapter.out.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.ticketbounty.notification.application.ProviderRejectedException;
import com.ticketbounty.notification.application.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** A Discord webhook, and everything {@link HttpProviderContract} holds. */
class WebhookDiscordMessagesTest extends HttpProviderContract {
  private static final String WEBHOOK = "/api/webhooks/1234567890/s3cr3tW3bh00kT0k3n";

  @Override
  String path() {
    return WEBHOOK;
  }

  @Override
  Call adapter(String baseUrl, Duration timeout, Clock clock) {
    WebhookDiscordMessages discord =
        WebhookDiscordMessages.create(WebClient.builder(), baseUrl + WEBHOOK, timeout, clock);
    return () -> discord.post("Daily digest: 12 tickets");
  }

  @Override
  Class<? extends ProviderRejectedException> rejected() {
    return ProviderRejectedException.class;
  }

  @Override
  Class<? extends ProviderUnavailableException> unavailable() {
    return ProviderUnavailableException.class;
  }

  @Test
  void postsTheContentAsJsonToTheWebhook() {
    answer(aResponse().withStatus(204));

    WebhookDiscordMessages.create(
            WebClient.builder(), PROVIDER.baseUrl() + WEBHOOK, PATIENT, Clock.systemUTC())
        .post("Daily digest: 12 tickets (3 this week)");

    PROVIDER.verify(
        1,
        postRequestedFor(urlEqualTo(WEBHOOK))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"content": "Daily digest: 12 tickets (3 this week)",
                     "allowed_mentions": {"parse": []}}
                    """)));
  }

  @Test
  void keepsTheWebhooksQueryAsConfigured() {
    PROVIDER.stubFor(post(WEBHOOK + "?thread_id=42").willReturn(aResponse().withStatus(204)));

    WebhookDiscordMessages.create(
            WebClient.builder(),
            PROVIDER.baseUrl() + WEBHOOK + "?thread_id=42",
            PATIENT,
            Clock.systemUTC())
        .post("Daily digest");

    PROVIDER.verify(1, postRequestedFor(urlEqualTo(WEBHOOK + "?thread_id=42")));
  }
}
