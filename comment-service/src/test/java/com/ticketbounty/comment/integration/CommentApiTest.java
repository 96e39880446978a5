package com.ticketbounty.comment.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every row of API.md's comment table against the running service: its success, and who may not —
 * anonymous 401, another user 403, an unknown comment or ticket 404.
 */
@ExtendWith(CommentServiceExtension.class)
class CommentApiTest {
  private final RunningCommentService service;
  private final CommentApi api;
  private final TestIdentity identity;
  private final TestUser owner;
  private final TestUser ada;
  private final TestUser bob;

  CommentApiTest(RunningCommentService service) {
    this.service = service;
    this.api = new CommentApi(service);
    this.identity = service.identity();
    this.owner = identity.user("owner");
    this.ada = identity.user("ada");
    this.bob = identity.user("bob");
  }

  @Test
  void postsACommentAsTheSignedInUser() throws Exception {
    UUID ticket = api.ticketOf(owner);

    JsonNode comment = api.posted(ticket, ada, "Reproduced on Firefox too.");

    assertThat(UUID.fromString(comment.get("id").asString())).isNotNull();
    assertThat(comment.get("ticketId").asString()).isEqualTo(ticket.toString());
    assertThat(comment.get("author").get("id").asString()).isEqualTo(ada.id().toString());
    assertThat(comment.get("author").get("username").asString()).isEqualTo("ada");
    assertThat(comment.get("content").asString()).isEqualTo("Reproduced on Firefox too.");
    assertThat(Instant.parse(comment.get("createdAt").asString()))
        .isEqualTo(Instant.parse(comment.get("updatedAt").asString()));
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
  }

  @Test
  void listsWhatWasPostedExactlyAsItWasAnswered() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String posted = api.posted(ticket, ada, "Exactly this.").toString();

    api.list(ticket, "")
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            "{\"list\":[" + posted + "],\"metadata\":{\"hasNextPage\":false}}",
            JsonCompareMode.LENIENT)
        .jsonPath("$.list.length()")
        .isEqualTo(1);
  }

  @Test
  void listingIsPublicAndAnUnknownTicketHasNoComments() {
    api.list(UUID.randomUUID(), "")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list")
        .isEmpty()
        .jsonPath("$.metadata.hasNextPage")
        .isEqualTo(false)
        .jsonPath("$.metadata.cursor")
        .doesNotExist();
  }

  @Test
  void authorEditsTheirComment() throws Exception {
    UUID ticket = api.ticketOf(owner);
    JsonNode comment = api.posted(ticket, ada, "Frist");
    String id = comment.get("id").asString();

    JsonNode edited =
        api.edit(id, ada, CommentApi.json("First"))
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(edited.get("content").asString()).isEqualTo("First");
    assertThat(edited.get("author").get("username").asString()).isEqualTo("ada");
    assertThat(edited.get("createdAt").asString()).isEqualTo(comment.get("createdAt").asString());
    assertThat(Instant.parse(edited.get("updatedAt").asString()))
        .isAfter(Instant.parse(comment.get("updatedAt").asString()));
    assertThat(api.page(ticket, "").get("list").get(0).get("content").asString())
        .isEqualTo("First");
  }

  @Test
  void authorDeletesTheirComment() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Oops").get("id").asString();

    api.delete(id, ada).expectStatus().isNoContent().expectBody().isEmpty();

    assertThat(api.commentsInDatabase(ticket)).isZero();
    api.delete(id, ada).expectStatus().isNotFound();
  }

  @Test
  void anonymousCallersAreRefusedEveryChange() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Mine").get("id").asString();

    expectUnauthorized(api.post(ticket, null, CommentApi.json("Anonymous")));
    expectUnauthorized(api.edit(id, null, CommentApi.json("Anonymous")));
    expectUnauthorized(api.delete(id, null));
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
  }

  @Test
  void anotherUserMayNeitherEditNorDeleteAComment() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Mine").get("id").asString();

    expectForbidden(api.edit(id, bob, CommentApi.json("Bob's now")));
    expectForbidden(api.delete(id, bob));
    // Not even the ticket's owner: only a comment's author changes it.
    expectForbidden(api.delete(id, owner));
    assertThat(api.page(ticket, "").get("list").get(0).get("content").asString()).isEqualTo("Mine");
  }

  @Test
  void changingAnUnknownCommentIsNotFound() {
    String unknown = UUID.randomUUID().toString();

    expectProblem(api.edit(unknown, ada, CommentApi.json("Hello")), 404);
    expectProblem(api.delete(unknown, ada), 404);
  }

  @Test
  void postingToATicketNobodyKnowsIsNotFound() {
    // WireMock answers 404 to anything it was not told about: ticket-service has no such ticket.
    UUID ticket = UUID.randomUUID();

    expectProblem(api.post(ticket, ada, CommentApi.json("Hello?")), 404)
        .jsonPath("$.detail")
        .isEqualTo("There is no ticket " + ticket + ".");
    assertThat(api.commentsInDatabase(ticket)).isZero();
  }

  @Test
  void theSameIdempotencyKeyTwiceCreatesOneCommentAndAnswersTheSame() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String key = "retry-" + UUID.randomUUID();

    String first = body(postWithKey(ticket, key, "Only once").expectStatus().isCreated());
    WebTestClient.ResponseSpec again = postWithKey(ticket, key, "Only once");

    again.expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
    assertThat(JsonMapper.shared().readTree(body(again)))
        .isEqualTo(JsonMapper.shared().readTree(first));
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
    assertThat(postedEventsFor(ticket)).isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyReusedForAnotherCommentIsRefused() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String key = "reused-" + UUID.randomUUID();
    postWithKey(ticket, key, "First request").expectStatus().isCreated();

    expectProblem(postWithKey(ticket, key, "Another request"), 422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("Idempotency-Key");
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
  }

  @Test
  void refusesExpiredAndForgedTokens() throws Exception {
    UUID ticket = api.ticketOf(owner);

    expectUnauthorized(postAs(ticket, identity.expiredBearer(ada)));
    expectUnauthorized(postAs(ticket, identity.forgedBearer(ada)));
    assertThat(api.commentsInDatabase(ticket)).isZero();
  }

  @Test
  void refusesATokenOnceItsSessionHasEnded() throws Exception {
    TestUser leaving = identity.user("leaving");
    UUID ticket = api.ticketOf(owner);
    api.posted(ticket, leaving, "Still signed in");

    service
        .events()
        .publish(
            new SessionEnded(
                leaving.sessionId(),
                leaving.id(),
                "sign-out",
                Instant.now(),
                Instant.now().plusSeconds(900)),
            leaving.id());

    await()
        .atMost(RunningCommentService.PATIENCE)
        .until(() -> statusOf(postAs(ticket, leaving.bearer())) == 401);
    expectUnauthorized(postAs(ticket, leaving.bearer()));
    // Another session of the same user is unaffected.
    api.posted(ticket, identity.newSession(leaving), "Signed in elsewhere");
  }

  @Test
  void servesAnOpenApi31DocumentOfThePublicPathsOnly() {
    String document =
        new String(
            service
                .client()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openapi")
                .value(String.class, version -> assertThat(version).startsWith("3.1"))
                .jsonPath("$.paths['/api/tickets/{ticketId}/comments'].get")
                .exists()
                .jsonPath("$.paths['/api/tickets/{ticketId}/comments'].post")
                .exists()
                .jsonPath("$.paths['/api/comments/{id}'].patch")
                .exists()
                .jsonPath("$.paths['/api/comments/{id}'].delete")
                .exists()
                .returnResult()
                .getResponseBodyContent(),
            StandardCharsets.UTF_8);

    assertThat(document).doesNotContain("/internal", "\"caller\"");
  }

  private WebTestClient.ResponseSpec postWithKey(UUID ticket, String key, String content) {
    return service
        .client()
        .post()
        .uri("/api/tickets/{ticketId}/comments", ticket)
        .header("Authorization", ada.bearer())
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(CommentApi.json(content))
        .exchange();
  }

  private WebTestClient.ResponseSpec postAs(UUID ticket, String bearer) {
    return service
        .client()
        .post()
        .uri("/api/tickets/{ticketId}/comments", ticket)
        .header("Authorization", bearer)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(CommentApi.json("Hello"))
        .exchange();
  }

  private long postedEventsFor(UUID ticket) {
    return service
        .jdbc()
        .sql(
            "SELECT count(*) FROM event_runtime.outbox"
                + " WHERE event_name = 'app/comment.posted' AND aggregate_key = ?")
        .param(ticket.toString())
        .query(Long.class)
        .single();
  }

  private static int statusOf(WebTestClient.ResponseSpec response) {
    return response.returnResult(byte[].class).getStatus().value();
  }

  private static String body(WebTestClient.ResponseSpec response) {
    return new String(
        response.expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
  }

  static void expectUnauthorized(WebTestClient.ResponseSpec response) {
    expectProblem(response, 401);
  }

  static void expectForbidden(WebTestClient.ResponseSpec response) {
    expectProblem(response, 403);
  }

  /** The status as problem details, with a detail and no trace of our code. */
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
}
