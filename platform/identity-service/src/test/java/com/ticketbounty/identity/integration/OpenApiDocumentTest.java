package com.ticketbounty.identity.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The service's part of the one OpenAPI document the gateway merges. */
class OpenApiDocumentTest extends IdentityServiceTest {

  @Test
  void documentsEveryPublicPathAndNoInternalOne() {
    JsonNode document =
        client
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(document.path("openapi").asString()).startsWith("3.1");
    List<String> paths = new ArrayList<>();
    document.path("paths").propertyNames().forEach(paths::add);
    assertThat(paths)
        .contains(
            "/api/auth/sign-up",
            "/api/auth/sign-in",
            "/api/auth/refresh",
            "/api/auth/sign-out",
            "/api/auth/password/forgot",
            "/api/auth/password/reset",
            "/api/auth/email/verification",
            "/api/auth/email/verify",
            "/api/account",
            "/api/account/password",
            "/.well-known/jwks.json")
        .noneMatch(path -> path.startsWith("/internal"));
    assertThat(document.at("/paths/~1api~1account/get/parameters").isMissingNode()).isTrue();
    assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
        .isEqualTo("bearer");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/auth/sign-up, post, 201",
    "/api/auth/sign-in, post, 200",
    "/api/auth/password/forgot, post, 202",
    "/api/auth/password/reset, post, 200",
    "/api/auth/email/verification, post, 202",
    "/api/account/password, put, 204"
  })
  void listsTheTooManyAttemptsAnswerOfEveryLimitedEndpointBesideItsOwn(
      String path, String method, String success) {
    JsonNode responses = document().path("paths").path(path).path(method).path("responses");

    assertThat(responses.propertyNames()).contains(success, "429");
    assertThat(responses.at("/429/headers/Retry-After/schema/type").asString())
        .isEqualTo("integer");
  }

  @Test
  void listsNoTooManyAttemptsAnswerWhereNothingIsLimited() {
    JsonNode paths = document().path("paths");

    assertThat(paths.at("/~1api~1auth~1refresh/post/responses").has("429")).isFalse();
    assertThat(paths.at("/~1api~1account/get/responses").has("429")).isFalse();
  }

  private JsonNode document() {
    return client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }
}
