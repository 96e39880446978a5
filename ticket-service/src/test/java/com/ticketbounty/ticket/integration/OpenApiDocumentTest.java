package com.ticketbounty.ticket.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v3/api-docs}: an OpenAPI 3.1 document of the public ticket paths for the gateway to
 * merge; the operations API stays out of it, and the caller (from the token) is no request
 * parameter.
 */
class OpenApiDocumentTest extends TicketServiceTest {

  @Test
  void describesEveryPublicTicketPathAsOpenApi31() {
    JsonNode document =
        json(send(HttpMethod.GET, "/v3/api-docs", null, null).expectStatus().isOk());

    assertThat(document.get("openapi").asString()).startsWith("3.1");
    JsonNode paths = document.get("paths");
    assertThat(paths.propertyNames())
        .containsExactlyInAnyOrder(
            "/api/tickets",
            "/api/tickets/{id}",
            "/api/tickets/{id}/status",
            "/api/tickets/{id}/assignee");
    assertThat(paths.get("/api/tickets").propertyNames()).containsExactlyInAnyOrder("get", "post");
    assertThat(paths.get("/api/tickets/{id}").propertyNames())
        .containsExactlyInAnyOrder("get", "patch", "delete");
    assertThat(parameterNames(paths.at("/~1api~1tickets/get")))
        .containsExactlyInAnyOrder(
            "search", "status", "sortKey", "sortValue", "page", "size", "scope");
    assertThat(parameterNames(paths.at("/~1api~1tickets/post"))).containsExactly("Idempotency-Key");
    assertThat(document.toString()).doesNotContain("/internal", "\"caller\"", "\"Caller\"");
    // Names of its own, so that they do not collide with other services' in the merged document.
    assertThat(document.at("/components/schemas").propertyNames())
        .allMatch(name -> name.startsWith("Ticket") || name.equals("OpenTicket"));
    assertThat(document.at("/paths/~1api~1tickets~1{id}/get/responses/200/content").propertyNames())
        .containsExactly("application/json");
    assertThat(document.at("/paths/~1api~1tickets/get/operationId").asString())
        .isEqualTo("listTickets");
  }

  @Test
  void marksSignedInOperationsWithTheBearerScheme() {
    JsonNode document =
        json(send(HttpMethod.GET, "/v3/api-docs", null, null).expectStatus().isOk());

    assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
        .isEqualTo("bearer");
    assertThat(document.at("/paths/~1api~1tickets/post/security/0").has("bearer")).isTrue();
    assertThat(document.at("/paths/~1api~1tickets~1{id}/delete/security/0").has("bearer")).isTrue();
    assertThat(document.at("/paths/~1api~1tickets/get/security").isMissingNode()).isTrue();
  }

  @Test
  void listsTheTooManyAttemptsAnswerOfOpeningATicketBesideItsCreated() {
    JsonNode document =
        json(send(HttpMethod.GET, "/v3/api-docs", null, null).expectStatus().isOk());

    JsonNode open = document.at("/paths/~1api~1tickets/post/responses");
    assertThat(open.propertyNames()).contains("201", "429");
    assertThat(open.at("/429/headers/Retry-After/schema/type").asString()).isEqualTo("integer");
    assertThat(document.at("/paths/~1api~1tickets~1{id}/patch/responses").has("429")).isFalse();
  }

  private static List<String> parameterNames(JsonNode operation) {
    List<String> names = new ArrayList<>();
    operation.path("parameters").forEach(parameter -> names.add(parameter.get("name").asString()));
    return names;
  }
}
