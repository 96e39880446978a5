package com.ticketbounty.comment.integration;

import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.comment.CommentDeleted;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.comment.CommentUpdated;
import com.ticketbounty.testsupport.EventTap;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Each change of a comment reaches RabbitMQ as its event, once, with its contract's fields, as
 * other services' queues receive it (here a queue of the test's own bound to {@code
 * app/comment.*}).
 */
@ExtendWith(CommentServiceExtension.class)
class CommentEventsTest {
  private final RunningCommentService service;
  private final CommentApi api;
  private final TestUser owner;
  private final TestUser ada;
  private final EventTap tap;

  CommentEventsTest(RunningCommentService service) throws Exception {
    this.service = service;
    this.api = new CommentApi(service);
    this.owner = service.identity().user("owner");
    this.ada = service.identity().user("ada");
    this.tap = service.tap("app/comment.*");
  }

  @AfterEach
  void closeTap() throws IOException {
    tap.close();
  }

  @Test
  void postingPublishesCommentPostedOnceWithItsFields() throws Exception {
    UUID ticket = api.ticketOf(owner);
    JsonNode comment = api.posted(ticket, ada, "Posted & announced");
    String id = comment.get("id").asString();

    EventTap.Received event = onlyEvent(ticket, CommentPosted.NAME, id);

    assertEnvelope(event, CommentPosted.NAME);
    JsonNode data = event.data();
    assertThat(data.get("ticketId").asString()).isEqualTo(ticket.toString());
    assertThat(data.get("ticketOwnerId").asString()).isEqualTo(owner.id().toString());
    assertThat(data.get("authorId").asString()).isEqualTo(ada.id().toString());
    assertThat(data.get("content").asString()).isEqualTo("Posted & announced");
    assertThat(Instant.parse(data.get("createdAt").asString()))
        .isEqualTo(Instant.parse(comment.get("createdAt").asString()));
  }

  @Test
  void editingPublishesCommentUpdatedOnceWithItsFields() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Before").get("id").asString();
    JsonNode edited =
        api.edit(id, ada, CommentApi.json("After"))
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    EventTap.Received event = onlyEvent(ticket, CommentUpdated.NAME, id);

    assertEnvelope(event, CommentUpdated.NAME);
    JsonNode data = event.data();
    assertThat(data.get("ticketId").asString()).isEqualTo(ticket.toString());
    assertThat(data.get("authorId").asString()).isEqualTo(ada.id().toString());
    assertThat(data.get("content").asString()).isEqualTo("After");
    assertThat(Instant.parse(data.get("updatedAt").asString()))
        .isEqualTo(Instant.parse(edited.get("updatedAt").asString()));
  }

  @Test
  void deletingPublishesCommentDeletedOnceWithItsFields() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Short-lived").get("id").asString();
    api.delete(id, ada).expectStatus().isNoContent();

    EventTap.Received event = onlyEvent(ticket, CommentDeleted.NAME, id);

    assertEnvelope(event, CommentDeleted.NAME);
    assertThat(event.data().get("ticketId").asString()).isEqualTo(ticket.toString());
    assertThat(event.data().get("authorId").asString()).isEqualTo(ada.id().toString());
  }

  @Test
  void aCommentsEventsArriveInTheOrderTheyHappened() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "One").get("id").asString();
    api.edit(id, ada, CommentApi.json("Two")).expectStatus().isOk();
    api.delete(id, ada).expectStatus().isNoContent();

    tap.awaitOne(CommentDeleted.NAME, field("commentId", id));

    assertThat(tap.all(field("commentId", id)))
        .extracting(EventTap.Received::name)
        .containsExactly(CommentPosted.NAME, CommentUpdated.NAME, CommentDeleted.NAME);
  }

  @Test
  void refusedAndEmptyChangesPublishNothing() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Stays").get("id").asString();

    api.edit(id, ada, CommentApi.json("Stays")).expectStatus().isOk();
    api.edit(id, owner, CommentApi.json("Hijacked")).expectStatus().isForbidden();
    api.delete(id, owner).expectStatus().isForbidden();
    api.edit(id, ada, CommentApi.json(" ")).expectStatus().isEqualTo(422);

    onlyEvent(ticket, CommentPosted.NAME, id);
    assertThat(tap.all(field("commentId", id)))
        .extracting(EventTap.Received::name)
        .containsOnly(CommentPosted.NAME);
  }

  @Test
  void aCommentIsStoredOnlyWithItsEventAndAnIdempotentRetryThenSucceeds() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String key = "atomic-" + UUID.randomUUID();
    service
        .jdbc()
        .sql(
            """
            CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'outbox refuses writes (test)'; END $$""")
        .update();
    service
        .jdbc()
        .sql(
            """
            CREATE TRIGGER refuse_outbox BEFORE INSERT ON event_runtime.outbox
            FOR EACH ROW EXECUTE FUNCTION refuse_outbox()""")
        .update();
    try {
      String body =
          new String(
              api.postAs(ticket, ada.bearer(), key, "All or nothing")
                  .expectStatus()
                  .isEqualTo(500)
                  .expectBody()
                  .returnResult()
                  .getResponseBodyContent(),
              StandardCharsets.UTF_8);
      assertThat(body).doesNotContain("outbox refuses", "Exception", "\tat ");
    } finally {
      service.jdbc().sql("DROP TRIGGER refuse_outbox ON event_runtime.outbox").update();
      service.jdbc().sql("DROP FUNCTION refuse_outbox()").update();
    }
    assertThat(api.commentsInDatabase(ticket)).isZero();

    api.postAs(ticket, ada.bearer(), key, "All or nothing").expectStatus().isCreated();
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
  }

  /**
   * The one event of {@code name} about comment {@code id}: once every outbox row of the ticket is
   * confirmed by the broker, nothing will be sent again, and the tap must hold exactly one.
   */
  private EventTap.Received onlyEvent(UUID ticket, String name, String id) {
    tap.awaitOne(name, field("commentId", id));
    await().atMost(RunningCommentService.PATIENCE).until(() -> unsentOutboxRows(ticket) == 0);
    await()
        .during(Duration.ofMillis(300))
        .atMost(RunningCommentService.PATIENCE)
        .until(() -> tap.all(name, field("commentId", id)).size() == 1);
    return tap.all(name, field("commentId", id)).get(0);
  }

  private long unsentOutboxRows(UUID ticket) {
    return service
        .jdbc()
        .sql(
            "SELECT count(*) FROM event_runtime.outbox"
                + " WHERE aggregate_key = ? AND published_at IS NULL")
        .param(ticket.toString())
        .query(Long.class)
        .single();
  }

  private void assertEnvelope(EventTap.Received event, String name) {
    assertThat(event.properties().getType()).isEqualTo(name);
    assertThat(event.name()).isEqualTo(name);
    assertThat(event.properties().getMessageId()).isEqualTo(event.body().get("id").asString());
    assertThat(event.body().get("v").asString()).isEqualTo("1.0");
    assertThat(event.body().get("user").get("id").asString()).isEqualTo(ada.id().toString());
  }
}
