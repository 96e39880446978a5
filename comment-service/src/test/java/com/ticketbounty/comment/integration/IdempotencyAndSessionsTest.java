package com.ticketbounty.comment.integration;

import static com.ticketbounty.comment.integration.Problems.expectProblem;
import static com.ticketbounty.comment.integration.Problems.expectUnauthorized;
import static com.ticketbounty.comment.integration.Problems.statusOf;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A retried post with the same {@code Idempotency-Key} creates nothing new; a token that expired,
 * was forged, or whose session has ended is refused.
 */
@ExtendWith(CommentServiceExtension.class)
class IdempotencyAndSessionsTest {
  private final RunningCommentService service;
  private final CommentApi api;
  private final TestIdentity identity;
  private final TestUser owner;
  private final TestUser ada;

  IdempotencyAndSessionsTest(RunningCommentService service) {
    this.service = service;
    this.api = new CommentApi(service);
    this.identity = service.identity();
    this.owner = identity.user("owner");
    this.ada = identity.user("ada");
  }

  @Test
  void theSameIdempotencyKeyTwiceCreatesOneCommentAndAnswersTheSame() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String key = "retry-" + UUID.randomUUID();

    String first =
        body(api.postAs(ticket, ada.bearer(), key, "Only once").expectStatus().isCreated());
    WebTestClient.ResponseSpec again = api.postAs(ticket, ada.bearer(), key, "Only once");

    again.expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
    assertThat(JsonMapper.shared().readTree(body(again)))
        .isEqualTo(JsonMapper.shared().readTree(first));
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
    assertThat(postedEventsFor(ticket)).isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyIsTheCallersOwn() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String key = "shared-" + UUID.randomUUID();

    api.postAs(ticket, ada.bearer(), key, "Ada's").expectStatus().isCreated();
    api.postAs(ticket, owner.bearer(), key, "Ada's").expectStatus().isCreated();

    assertThat(api.commentsInDatabase(ticket)).isEqualTo(2);
  }

  @Test
  void anIdempotencyKeyReusedForAnotherCommentIsRefused() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String key = "reused-" + UUID.randomUUID();
    api.postAs(ticket, ada.bearer(), key, "First request").expectStatus().isCreated();

    expectProblem(api.postAs(ticket, ada.bearer(), key, "Another request"), 422)
        .jsonPath("$.errors[0].field")
        .isEqualTo("Idempotency-Key");
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
  }

  @Test
  void refusesExpiredAndForgedTokens() throws Exception {
    UUID ticket = api.ticketOf(owner);

    expectUnauthorized(api.postAs(ticket, identity.expiredBearer(ada), null, "Expired"));
    expectUnauthorized(api.postAs(ticket, identity.forgedBearer(ada), null, "Forged"));
    expectUnauthorized(api.postAs(ticket, "Bearer not-a-jwt", null, "Garbage"));
    assertThat(api.commentsInDatabase(ticket)).isZero();
  }

  @Test
  void refusesATokenOnceItsSessionHasEnded() throws Exception {
    TestUser leaving = identity.user("leaving");
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, leaving, "Still signed in").get("id").asString();

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
        .until(() -> statusOf(api.postAs(ticket, leaving.bearer(), null, "Hello")) == 401);
    expectUnauthorized(api.edit(id, leaving, CommentApi.json("Edited")));
    expectUnauthorized(api.delete(id, leaving));
    // Another session of the same user is unaffected.
    api.edit(id, identity.newSession(leaving), CommentApi.json("Edited elsewhere"))
        .expectStatus()
        .isOk();
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

  private static String body(WebTestClient.ResponseSpec response) {
    return new String(
        response.expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
  }
}
