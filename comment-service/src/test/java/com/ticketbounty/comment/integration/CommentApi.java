package com.ticketbounty.comment.integration;

import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The comment API and the ticket events as tests use them. */
final class CommentApi {
  private final RunningCommentService service;

  CommentApi(RunningCommentService service) {
    this.service = service;
  }

  /** A ticket of {@code owner} that the read model learned from {@code app/ticket.created}. */
  UUID ticketOf(TestUser owner) throws Exception {
    UUID ticketId = UUID.randomUUID();
    service
        .events()
        .publish(
            new TicketCreated(
                ticketId,
                owner.id(),
                owner.email(),
                "Ticket " + ticketId,
                "Something is broken.",
                "medium",
                LocalDate.of(2026, 12, 24),
                5000),
            owner.id());
    await().atMost(RunningCommentService.PATIENCE).until(() -> knownVersion(ticketId) != null);
    return ticketId;
  }

  /** The version the read model holds of the ticket, or null when it knows nothing of it. */
  @Nullable Long knownVersion(UUID ticketId) {
    return service
        .jdbc()
        .sql("SELECT version FROM known_tickets WHERE ticket_id = ?")
        .param(ticketId)
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  WebTestClient.ResponseSpec post(UUID ticketId, @Nullable TestUser author, String body) {
    WebTestClient.RequestBodySpec request =
        service
            .client()
            .post()
            .uri("/api/tickets/{ticketId}/comments", ticketId)
            .contentType(MediaType.APPLICATION_JSON);
    if (author != null) {
      request.header("Authorization", author.bearer());
    }
    return request.bodyValue(body).exchange();
  }

  /** A post with the raw {@code Authorization} value and, when not null, an Idempotency-Key. */
  WebTestClient.ResponseSpec postAs(
      UUID ticketId, String authorization, @Nullable String idempotencyKey, String content) {
    WebTestClient.RequestBodySpec request =
        service
            .client()
            .post()
            .uri("/api/tickets/{ticketId}/comments", ticketId)
            .header("Authorization", authorization)
            .contentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.bodyValue(json(content)).exchange();
  }

  /** Posts {@code content} and answers the created comment. */
  JsonNode posted(UUID ticketId, TestUser author, String content) {
    return post(ticketId, author, json(content))
        .expectStatus()
        .isCreated()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  WebTestClient.ResponseSpec edit(String commentId, @Nullable TestUser editor, String body) {
    WebTestClient.RequestBodySpec request =
        service
            .client()
            .patch()
            .uri("/api/comments/{id}", commentId)
            .contentType(MediaType.APPLICATION_JSON);
    if (editor != null) {
      request.header("Authorization", editor.bearer());
    }
    return request.bodyValue(body).exchange();
  }

  WebTestClient.ResponseSpec delete(String commentId, @Nullable TestUser user) {
    WebTestClient.RequestHeadersSpec<?> request =
        service.client().delete().uri("/api/comments/{id}", commentId);
    if (user != null) {
      request.header("Authorization", user.bearer());
    }
    return request.exchange();
  }

  /** {@code GET} of the list with a raw query string, such as {@code limit=2&cursor=…}. */
  WebTestClient.ResponseSpec list(Object ticketId, String query) {
    return service
        .client()
        .get()
        .uri("/api/tickets/" + ticketId + "/comments" + (query.isEmpty() ? "" : "?" + query))
        .exchange();
  }

  JsonNode page(UUID ticketId, String query) {
    return list(ticketId, query)
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  long commentsInDatabase(UUID ticketId) {
    return service
        .jdbc()
        .sql("SELECT count(*) FROM comments WHERE ticket_id = ?")
        .param(ticketId)
        .query(Long.class)
        .single();
  }

  /** A request as a random test makes it; null parts are left out. */
  record Request(
      HttpMethod method,
      String pathAndQuery,
      @Nullable String authorization,
      @Nullable String idempotencyKey,
      @Nullable String body) {}

  /** What came back, and what was sent (for the failure message). */
  record Sent(Request request, int status, String body) {}

  Sent send(Request request) {
    WebTestClient.RequestBodySpec spec =
        service
            .client()
            .method(request.method())
            .uri(URI.create(service.baseUrl() + request.pathAndQuery()))
            .contentType(MediaType.APPLICATION_JSON);
    if (request.authorization() != null) {
      spec.header("Authorization", request.authorization());
    }
    if (request.idempotencyKey() != null) {
      spec.header("Idempotency-Key", request.idempotencyKey());
    }
    WebTestClient.RequestHeadersSpec<?> ready =
        request.body() == null ? spec : spec.bodyValue(request.body());
    EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
    byte[] body = result.getResponseBodyContent();
    return new Sent(
        request,
        result.getStatus().value(),
        body == null ? "" : new String(body, StandardCharsets.UTF_8));
  }

  /** {@code {"content": …}}, escaped as JSON. */
  static String json(String content) {
    ObjectNode body = JsonMapper.shared().createObjectNode();
    body.put("content", content);
    return body.toString();
  }
}
