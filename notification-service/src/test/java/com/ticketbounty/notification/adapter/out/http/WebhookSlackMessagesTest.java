package com.ticketbounty.notification.adapter.out.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.ticketbounty.notification.application.ProviderRejectedException;
import com.ticketbounty.notification.application.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** A Slack incoming webhook, and everything {@link HttpProviderContract} holds. */
class WebhookSlackMessagesTest extends HttpProviderContract {
  private static final String WEBHOOK = "/services/T0001/B0001/s3cr3tW3bh00kT0k3n";

  @Override
  String path() {
    return WEBHOOK;
  }

  @Override
  Call adapter(String baseUrl, Duration timeout, Clock clock) {
    WebhookSlackMessages slack =
        WebhookSlackMessages.create(WebClient.builder(), baseUrl + WEBHOOK, timeout, clock);
    return () -> slack.post("Urgent ticket: Server room flooded");
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
  void postsTheTextAsJsonToTheWebhook() {
    answer(aResponse().withStatus(200).withBody("ok"));

    WebhookSlackMessages.create(
            WebClient.builder(), PROVIDER.baseUrl() + WEBHOOK, PATIENT, Clock.systemUTC())
        .post("Urgent ticket: *Server room flooded*\nDeadline 2030-01-31");

    PROVIDER.verify(
        1,
        postRequestedFor(urlEqualTo(WEBHOOK))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"text": "Urgent ticket: *Server room flooded*\\nDeadline 2030-01-31"}
                    """)));
  }

  @Test
  void escapesSlacksMarkupSoUserTextCannotMentionAChannel() {
    answer(aResponse().withStatus(200).withBody("ok"));

    WebhookSlackMessages.create(
            WebClient.builder(), PROVIDER.baseUrl() + WEBHOOK, PATIENT, Clock.systemUTC())
        .post("Urgent: <!channel> & <http://evil.example|click>");

    PROVIDER.verify(
        1,
        postRequestedFor(urlEqualTo(WEBHOOK))
            .withRequestBody(
                equalToJson(
                    """
                    {"text": "Urgent: &lt;!channel&gt; &amp; &lt;http://evil.example|click&gt;"}
                    """)));
  }
}
