package com.ticketbounty.identity.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Checks that an answer is a problem-details document, without internals. */
final class Problems {
  private Problems() {}

  static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status) {
    WebTestClient.BodyContentSpec body =
        response
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status)
            .jsonPath("$.detail")
            .isNotEmpty();
    String json = new String(body.returnResult().getResponseBody(), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("Exception", "\tat ", "tools.jackson", "com.ticketbounty");
    return body;
  }

  static String bodyOf(WebTestClient.ResponseSpec response) {
    byte[] bytes = response.expectBody().returnResult().getResponseBody();
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }
}
