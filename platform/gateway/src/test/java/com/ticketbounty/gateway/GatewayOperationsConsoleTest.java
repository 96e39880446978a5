package com.ticketbounty.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operations console is served by the gateway itself: its page at {@code /ops}, its scripts and
 * styles as static resources under a policy that allows only the gateway's own scripts, and the
 * settings it reads (the trace UI's template).
 */
@GatewayTest
class GatewayOperationsConsoleTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_console");
  private static final String TRACE_URL = "http://traces.example/zipkin/traces/{traceId}";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
    registry.add("TRACE_UI_URL", () -> TRACE_URL);
  }

  @Autowired WebTestClient client;

  @ParameterizedTest
  @ValueSource(strings = {"/ops", "/ops/"})
  void servesTheConsolePageWithAPolicyThatAllowsOnlyItsOwnScripts(String path) {
    WebTestClient.ResponseSpec answer = client.get().uri(path).exchange();

    String page =
        answer
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("<script type=\"module\" src=\"/ops/js/app.js\"></script>");
    assertThat(page).as("no inline script").doesNotContainPattern("<script(?![^>]*src=)[^>]*>");
    answer
        .expectHeader()
        .valuesMatch(
            "Content-Security-Policy",
            "frame-ancestors 'none'",
            "default-src 'none'; script-src 'self'; .*");
  }

  @Test
  void servesItsScriptsAsJavaScriptUnderTheSamePolicy() {
    client
        .get()
        .uri("/ops/js/app.js")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .value("Content-Type", type -> assertThat(type).contains("javascript"))
        .expectHeader()
        .values(
            "Content-Security-Policy",
            policies -> assertThat(policies).anyMatch(p -> p.contains("script-src 'self'")));
  }

  @Test
  void noOtherPathGetsTheConsolePolicy() {
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectHeader()
        .valueEquals("Content-Security-Policy", "frame-ancestors 'none'");
  }

  @Test
  void theSettingsNameTheTraceUi() {
    client
        .get()
        .uri("/api/ops/settings")
        .header("Authorization", BED.identity.admin("console").bearer())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.traceUrl")
        .isEqualTo(TRACE_URL);
  }

  @Test
  void theSettingsAreForAdministratorsOnly() {
    client
        .get()
        .uri("/api/ops/settings")
        .header("Authorization", BED.identity.user("someone").bearer())
        .exchange()
        .expectStatus()
        .isForbidden();
    client.get().uri("/api/ops/settings").exchange().expectStatus().isUnauthorized();
  }
}
