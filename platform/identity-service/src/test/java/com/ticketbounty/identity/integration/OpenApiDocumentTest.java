package com.ticketbounty.identity.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
