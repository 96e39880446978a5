package com.ticketbounty.comment.integration;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every error answer must look like: RFC 9457 problem details, no trace of our code. */
final class Problems {
  private Problems() {}

  static void expectUnauthorized(WebTestClient.ResponseSpec response) {
    expectProblem(response, 401);
  }

  static void expectForbidden(WebTestClient.ResponseSpec response) {
    expectProblem(response, 403);
  }

  /** The status as problem details, with a detail and no stack trace. */
  static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.detail")
        .isNotEmpty()
        .jsonPath("$.trace")
        .doesNotExist();
  }

  static int statusOf(WebTestClient.ResponseSpec response) {
    return response.returnResult(byte[].class).getStatus().value();
  }
}
