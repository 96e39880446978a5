package com.ticketbounty.comment.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.ticketbounty.comment.integration.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ticket-service's events, published to RabbitMQ as its relay would, keep the read model of
 * tickets: a newer version lands, an older or repeated one is dropped, a deletion wins and takes
 * the ticket's comments with it.
 */
@ExtendWith(CommentServiceExtension.class)
class TicketReadModelTest {
  private final RunningCommentService service;
  private final CommentApi api;
  private final TestUser owner;
  private final TestUser ada;

  TicketReadModelTest(RunningCommentService service) {
    this.service = service;
    this.api = new CommentApi(service);
    this.owner = service.identity().user("owner");
    this.ada = service.identity().user("ada");
  }

  @Test
  void aCreatedTicketCanBeCommentedOnWithoutAskingTicketService() throws Exception {
    UUID ticket = api.ticketOf(owner);

    api.posted(ticket, ada, "Heard of it from its event");

    assertThat(api.knownVersion(ticket)).isEqualTo(1);
    service.ticketService().verify(0, getRequestedFor(urlEqualTo("/internal/tickets/" + ticket)));
  }

  @Test
  void updatesAndAssignmentsMoveTheVersionForward() throws Exception {
    UUID ticket = api.ticketOf(owner);

    service.events().publish(updated(ticket, 2), owner.id());
    awaitVersion(ticket, 2);
    service.events().publish(assigned(ticket, 3), owner.id());
    awaitVersion(ticket, 3);
  }

  @Test
  void dropsStaleAndRepeatedEvents() throws Exception {
    UUID ticket = api.ticketOf(owner);
    EventEnvelope second = service.events().publish(updated(ticket, 2), owner.id());
    service.events().publish(assigned(ticket, 4), owner.id());
    awaitVersion(ticket, 4);

    // An older event delivered late, and the same event delivered again.
    service.events().publish(updated(ticket, 3), owner.id());
    service.events().publish(second);
    service.events().publish(assigned(ticket, 2), owner.id());

    // Markers published after them on the same queues land once those were taken from the queues;
    // from then on the version must hold.
    UUID marker = api.ticketOf(owner);
    service.events().publish(updated(marker, 2), owner.id());
    service.events().publish(assigned(marker, 3), owner.id());
    awaitVersion(marker, 3);
    await()
        .during(Duration.ofMillis(500))
        .atMost(RunningCommentService.PATIENCE)
        .until(() -> Long.valueOf(4).equals(api.knownVersion(ticket)));
    assertThat(inboxRows(second.id())).isEqualTo(1);
  }

  @Test
  void aDeletedTicketTakesItsCommentsWithItAndNoEventPerComment() throws Exception {
    UUID ticket = api.ticketOf(owner);
    UUID other = api.ticketOf(owner);
    String first = api.posted(ticket, ada, "One").get("id").asString();
    String second = api.posted(ticket, owner, "Two").get("id").asString();
    api.posted(other, ada, "Elsewhere");

    service.events().publish(new TicketDeleted(ticket, owner.id(), 2), owner.id());

    await().atMost(RunningCommentService.PATIENCE).until(() -> api.commentsInDatabase(ticket) == 0);
    assertThat(api.page(ticket, "").get("list")).isEmpty();
    assertThat(api.commentsInDatabase(other)).isEqualTo(1);
    assertThat(deletedEventsAbout(List.of(first, second))).isZero();
  }

  @Test
  void aDeletedTicketTakesNoMoreCommentsEvenIfTicketServiceStillShowsIt() throws Exception {
    UUID ticket = api.ticketOf(owner);
    TicketLookupTest.ticketServiceHas(service, ticket, owner);

    service.events().publish(new TicketDeleted(ticket, owner.id(), 2), owner.id());
    await()
        .atMost(RunningCommentService.PATIENCE)
        .until(
            () ->
                api.post(ticket, ada, CommentApi.json("Too late"))
                        .returnResult(byte[].class)
                        .getStatus()
                        .value()
                    == 404);
    expectProblem(api.post(ticket, ada, CommentApi.json("Too late")), 404);
    assertThat(api.commentsInDatabase(ticket)).isZero();
  }

  @Test
  void aDeletionHeardBeforeTheCreationStaysFinal() throws Exception {
    UUID ticket = UUID.randomUUID();
    service.events().publish(new TicketDeleted(ticket, owner.id(), 3), owner.id());
    await().atMost(RunningCommentService.PATIENCE).until(() -> api.knownVersion(ticket) != null);

    service.events().publish(updated(ticket, 4), owner.id());
    UUID marker = api.ticketOf(owner);
    service.events().publish(updated(marker, 2), owner.id());
    awaitVersion(marker, 2);

    expectProblem(api.post(ticket, ada, CommentApi.json("Hello?")), 404);
    assertThat(
            service
                .jdbc()
                .sql("SELECT deleted FROM known_tickets WHERE ticket_id = ?")
                .param(ticket)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  private void awaitVersion(UUID ticket, long version) {
    await()
        .atMost(RunningCommentService.PATIENCE)
        .until(() -> Long.valueOf(version).equals(api.knownVersion(ticket)));
  }

  private long inboxRows(UUID eventId) {
    return service
        .jdbc()
        .sql("SELECT count(*) FROM event_runtime.inbox WHERE event_id = ?")
        .param(eventId)
        .query(Long.class)
        .single();
  }

  private long deletedEventsAbout(List<String> commentIds) {
    return commentIds.stream()
        .mapToLong(
            id ->
                service
                    .jdbc()
                    .sql(
                        "SELECT count(*) FROM event_runtime.outbox"
                            + " WHERE event_name = 'app/comment.deleted' AND body LIKE ?")
                    .param("%" + id + "%")
                    .query(Long.class)
                    .single())
        .sum();
  }

  private TicketUpdated updated(UUID ticket, long version) {
    return new TicketUpdated(
        ticket,
        owner.id(),
        List.of("title"),
        "Version " + version,
        "Something is broken.",
        "OPEN",
        "medium",
        LocalDate.of(2026, 12, 24),
        5000,
        null,
        version);
  }

  private TicketAssigned assigned(UUID ticket, long version) {
    return new TicketAssigned(ticket, owner.id(), ada.id(), null, "Version " + version, version);
  }
}
