package com.ticketbounty.comment.integration;

import static com.ticketbounty.comment.integration.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

/**
 * Bad input is the caller's fault and says so: a broken rule is 422 naming {@code content}, what
 * cannot be read is 400 (naming the parameter where there is one) — never a 5xx.
 */
@ExtendWith(CommentServiceExtension.class)
class CommentInputTest {
  private final RunningCommentService service;
  private final CommentApi api;
  private final TestUser owner;
  private final TestUser ada;

  CommentInputTest(RunningCommentService service) {
    this.service = service;
    this.api = new CommentApi(service);
    this.owner = service.identity().user("owner");
    this.ada = service.identity().user("ada");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"content\":null}",
        "{\"content\":\"\"}",
        "{\"content\":\"  \"}",
        "{\"content\":\"nul \\u0000 inside\"}"
      })
  void contentThatBreaksARuleIsUnprocessableNamingContent(String body) throws Exception {
    UUID ticket = api.ticketOf(owner);

    expectProblem(api.post(ticket, ada, body), 422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("content")
        .jsonPath("$.errors.length()")
        .isEqualTo(1);
    assertThat(api.commentsInDatabase(ticket)).isZero();
  }

  @Test
  void contentIsAtMost1024Characters() throws Exception {
    UUID ticket = api.ticketOf(owner);

    api.posted(ticket, ada, "x".repeat(1024));
    expectProblem(api.post(ticket, ada, CommentApi.json("x".repeat(1025))), 422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("content")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be at most 1024 characters");
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
  }

  @Test
  void editingBreaksTheSameRules() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Fine").get("id").asString();

    expectProblem(api.edit(id, ada, CommentApi.json(" ")), 422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("content");
    expectProblem(api.edit(id, ada, CommentApi.json("y".repeat(1025))), 422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("content");
    assertThat(api.page(ticket, "").get("list").get(0).get("content").asString()).isEqualTo("Fine");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "not json", "[]", "{\"content\":5}", "{\"content\":[\"a\"]}", ""})
  void unreadableBodiesAreBadRequests(String body) throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Fine").get("id").asString();

    expectProblem(api.post(ticket, ada, body), 400);
    expectProblem(api.edit(id, ada, body), 400);
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotJsonIsUnsupported() throws Exception {
    UUID ticket = api.ticketOf(owner);

    expectProblem(
        service
            .client()
            .post()
            .uri("/api/tickets/{ticketId}/comments", ticket)
            .header("Authorization", ada.bearer())
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("content=hello")
            .exchange(),
        415);
  }

  @Test
  void idsThatAreNoUuidsAreBadRequests() {
    expectProblem(api.list("not-a-uuid", ""), 400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("ticketId");
    expectProblem(
            service
                .client()
                .post()
                .uri("/api/tickets/not-a-uuid/comments")
                .header("Authorization", ada.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(CommentApi.json("Hello"))
                .exchange(),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("ticketId");
    expectProblem(api.edit("42", ada, CommentApi.json("Hello")), 400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("id");
    expectProblem(api.delete("42", ada), 400).jsonPath("$.errors[0].field").isEqualTo("id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "51", "-1", "three", "2.5", "", "99999999999"})
  void aLimitOutsideOneToFiftyIsABadRequest(String limit) {
    expectProblem(api.list(UUID.randomUUID(), "limit=" + limit), 400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("limit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "MTIzOm5vdC1hLXV1aWQ", "%21%21", ""})
  void aCursorThisApiDidNotGiveOutIsABadRequest(String cursor) {
    expectProblem(api.list(UUID.randomUUID(), "cursor=" + cursor), 400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("cursor");
  }

  @Test
  void aMalformedIdempotencyKeyIsABadRequest() throws Exception {
    UUID ticket = api.ticketOf(owner);

    expectProblem(
            service
                .client()
                .post()
                .uri("/api/tickets/{ticketId}/comments", ticket)
                .header("Authorization", ada.bearer())
                .header("Idempotency-Key", "has spaces in it")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(CommentApi.json("Hello"))
                .exchange(),
            400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("Idempotency-Key");
    assertThat(api.commentsInDatabase(ticket)).isZero();
  }
}
