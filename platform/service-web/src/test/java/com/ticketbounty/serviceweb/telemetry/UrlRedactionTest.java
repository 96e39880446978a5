package com.ticketbounty.serviceweb.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRedactionTest {

  @ParameterizedTest
  @CsvSource({
    "https://hooks.slack.com/services/T000/B000/secret, https://hooks.slack.com",
    "https://discord.com/api/webhooks/123/token?wait=true, https://discord.com",
    "http://127.0.0.1:8082/internal/tickets/1?since=2026-01-01, http://127.0.0.1:8082",
    "/api/tickets?token=abc, /api/tickets",
    "/internal/tickets/{id}, /internal/tickets/{id}",
    "none, none"
  })
  void keepsNoPathOfAnAbsoluteUrlAndNoQuery(String url, String recorded) {
    assertThat(UrlRedaction.redact(url)).isEqualTo(recorded);
  }

  @Test
  void rewritesTheUrlsOfAnObservationAndLeavesTheRest() {
    Observation.Context context = new Observation.Context();
    context.addLowCardinalityKeyValue(KeyValue.of("uri", "https://hooks.slack.com/services/x/y/z"));
    context.addLowCardinalityKeyValue(KeyValue.of("method", "POST"));
    context.addHighCardinalityKeyValue(
        KeyValue.of("http.url", "https://hooks.slack.com/services/x/y/z?k=secret"));

    new UrlRedaction().map(context);

    assertThat(context.getLowCardinalityKeyValue("uri").getValue())
        .isEqualTo("https://hooks.slack.com");
    assertThat(context.getLowCardinalityKeyValue("method").getValue()).isEqualTo("POST");
    assertThat(context.getHighCardinalityKeyValue("http.url").getValue())
        .isEqualTo("https://hooks.slack.com");
  }
}
