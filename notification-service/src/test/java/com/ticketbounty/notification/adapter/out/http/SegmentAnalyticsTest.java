package com.ticketbounty.notification.adapter.out.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.ticketbounty.notification.application.ProviderRejectedException;
import com.ticketbounty.notification.application.ProviderUnavailableException;
import com.ticketbounty.notification.domain.TrackedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** A Segment-style analytics collector, and everything {@link HttpProviderContract} holds. */
class SegmentAnalyticsTest extends HttpProviderContract {
  private static final TrackedEvent CREATED =
      new TrackedEvent(
          "Ticket Created",
          "5f0c8f6e-2b7a-4f51-9d3e-1a2b3c4d5e6f",
          Map.of("ticketId", "0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c", "priority", "urgent"),
          "run-1:track-creation",
          Instant.parse("2026-11-27T10:00:00Z"));

  @Override
  String path() {
    return "/v1/track";
  }

  @Override
  Call adapter(String baseUrl, Duration timeout, Clock clock) {
    SegmentAnalytics analytics =
        SegmentAnalytics.create(WebClient.builder(), baseUrl, timeout, clock);
    return () -> analytics.track(CREATED);
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
  void postsTheTrackCallAsJson() {
    answer(okJson("{\"success\": true}"));

    SegmentAnalytics.create(WebClient.builder(), PROVIDER.baseUrl(), PATIENT, Clock.systemUTC())
        .track(CREATED);

    PROVIDER.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/track"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"event": "Ticket Created",
                     "userId": "5f0c8f6e-2b7a-4f51-9d3e-1a2b3c4d5e6f",
                     "properties": {"ticketId": "0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c",
                                    "priority": "urgent"},
                     "messageId": "run-1:track-creation",
                     "timestamp": "2026-11-27T10:00:00Z"}
                    """)));
  }
}
