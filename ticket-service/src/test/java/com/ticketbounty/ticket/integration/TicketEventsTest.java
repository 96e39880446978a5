package com.ticketbounty.ticket.integration;

import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventMajors;
import com.ticketbounty.testsupport.EventTap;
import com.ticketbounty.testsupport.EventTap.Received;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Each state change reaches RabbitMQ once, with its contract's fields: a queue of this test's own
 * is bound to {@code <prefix>events} for the four ticket events. Events of one ticket arrive in the
 * order they were written, so "nothing in between" is proven by the next event that follows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketEventsTest extends TicketServiceTest {
  private static final List<String> NAMES =
      List.of(
          "app/ticket.created", "app/ticket.updated", "app/ticket.assigned", "app/ticket.deleted");

  private final TestUser ada = user("ada");
  private EventTap tap;

  @BeforeAll
  void listen() {
    tap = EventTap.open(RABBIT, NAMES);
  }

  @AfterAll
  void stopListening() throws IOException {
    tap.close();
  }

  /**
   * The MAJOR 1 events of one ticket, in the order they arrived, once {@code last} has arrived (the
   * creation's 2.0 copy is looked at by its own test).
   */
  private List<Received> eventsOf(String ticketId, String last, int expected) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !tap.all(last, field("ticketId", ticketId)).isEmpty()
                    && majorOne(tap.all(field("ticketId", ticketId))).size() >= expected);
    return majorOne(tap.all(field("ticketId", ticketId)));
  }

  private static List<Received> majorOne(List<Received> events) {
    return events.stream().filter(e -> e.body().get("v").asString().startsWith("1.")).toList();
  }

  @Test
  void announcesANewTicketAlsoIn2WithoutTheOwnersAddressBothMarkedAsOneOccurrence() {
    String id = open(ada, "Announced twice").get("id").asString();

    await()
        .atMost(PATIENCE)
        .until(() -> tap.all("app/ticket.created", field("ticketId", id)).size() == 2);
    List<Received> copies = tap.all("app/ticket.created", field("ticketId", id));

    assertThat(copies)
        .extracting(copy -> copy.body().get("v").asString())
        .containsExactly("1.0", "2.0");
    assertThat(copies)
        .allSatisfy(
            copy ->
                assertThat(copy.properties().getHeaders().get(EventMajors.HEADER).toString())
                    .isEqualTo("1,2"));
    JsonNode next = copies.get(1).body();
    assertThat(next.get("id").asString()).isNotEqualTo(copies.get(0).body().get("id").asString());
    assertThat(next.get("data").propertyNames())
        .containsExactlyInAnyOrder(
            "ticketId", "userId", "title", "description", "priority", "deadline", "bounty");
    assertThat(next.at("/data/title").asString()).isEqualTo("Announced twice");
    assertThat(next.at("/user/id").asString()).isEqualTo(ada.id().toString());
  }

  private static List<String> names(List<Received> events) {
    return events.stream().map(Received::name).toList();
  }

  @Test
  void announcesANewTicketOnceWithItsContractsFields() {
    String id = open(ada, "Announced").get("id").asString();
    send(HttpMethod.DELETE, "/api/tickets/" + id, ada, null).expectStatus().isNoContent();

    List<Received> events = eventsOf(id, "app/ticket.deleted", 2);

    assertThat(names(events)).containsExactly("app/ticket.created", "app/ticket.deleted");
    Received created = events.get(0);
    JsonNode body = created.body();
    assertThat(created.properties().getMessageId()).isEqualTo(body.get("id").asString());
    assertThat(created.properties().getType()).isEqualTo("app/ticket.created");
    assertThat(created.properties().getContentType()).isEqualTo("application/json");
    assertThat(body.get("v").asString()).isEqualTo("1.0");
    assertThat(body.at("/user/id").asString()).isEqualTo(ada.id().toString());
    JsonNode data = body.get("data");
    assertThat(data.propertyNames())
        .containsExactlyInAnyOrder(
            "ticketId",
            "userId",
            "ownerEmail",
            "title",
            "description",
            "priority",
            "deadline",
            "bounty");
    assertThat(data.get("userId").asString()).isEqualTo(ada.id().toString());
    assertThat(data.get("ownerEmail").asString()).isEqualTo(ada.email());
    assertThat(data.get("title").asString()).isEqualTo("Announced");
    assertThat(data.get("description").asString())
        .isEqualTo("The sign-in button does nothing on Safari.");
    assertThat(data.get("priority").asString()).isEqualTo("urgent");
    assertThat(data.get("deadline").asString()).isEqualTo("2026-12-24");
    assertThat(data.get("bounty").asLong()).isEqualTo(5000);
  }

  @Test
  void announcesEachChangeOnceAndAChangeThatChangesNothingNever() {
    TestUser bob = knownUser("bob");
    String id = open(ada, "Changing").get("id").asString();
    String uri = "/api/tickets/" + id;

    send(HttpMethod.PATCH, uri, ada, "{\"title\":\"Changed\",\"bounty\":7500}")
        .expectStatus()
        .isOk();
    send(HttpMethod.PATCH, uri, ada, "{\"title\":\"Changed\"}").expectStatus().isOk();
    send(HttpMethod.PUT, uri + "/status", ada, "{\"status\":\"IN_PROGRESS\"}")
        .expectStatus()
        .isOk();
    send(HttpMethod.PUT, uri + "/status", ada, "{\"status\":\"IN_PROGRESS\"}")
        .expectStatus()
        .isOk();
    send(HttpMethod.PUT, uri + "/assignee", ada, "{\"userId\":\"" + bob.id() + "\"}")
        .expectStatus()
        .isOk();
    send(HttpMethod.PUT, uri + "/assignee", ada, "{\"userId\":\"" + bob.id() + "\"}")
        .expectStatus()
        .isOk();
    send(HttpMethod.PUT, uri + "/assignee", ada, "{\"userId\":null}").expectStatus().isOk();
    send(HttpMethod.DELETE, uri, ada, null).expectStatus().isNoContent();

    List<Received> events = eventsOf(id, "app/ticket.deleted", 6);

    assertThat(names(events))
        .containsExactly(
            "app/ticket.created",
            "app/ticket.updated",
            "app/ticket.updated",
            "app/ticket.assigned",
            "app/ticket.assigned",
            "app/ticket.deleted");
    assertThat(events)
        .allSatisfy(
            event ->
                assertThat(event.body().at("/user/id").asString()).isEqualTo(ada.id().toString()));
    JsonNode details = events.get(1).body().get("data");
    assertThat(details.propertyNames())
        .containsExactlyInAnyOrder(
            "ticketId",
            "userId",
            "changed",
            "title",
            "description",
            "status",
            "priority",
            "deadline",
            "bounty",
            "assigneeId",
            "version");
    assertThat(details.get("changed").toString()).isEqualTo("[\"title\",\"bounty\"]");
    assertThat(details.get("title").asString()).isEqualTo("Changed");
    assertThat(details.get("bounty").asLong()).isEqualTo(7500);
    assertThat(details.get("status").asString()).isEqualTo("OPEN");
    assertThat(details.get("priority").asString()).isEqualTo("urgent");
    assertThat(details.get("deadline").asString()).isEqualTo("2026-12-24");
    assertThat(details.get("assigneeId").isNull()).isTrue();
    assertThat(details.get("version").asLong()).isEqualTo(2);
    JsonNode status = events.get(2).body().get("data");
    assertThat(status.get("changed").toString()).isEqualTo("[\"status\"]");
    assertThat(status.get("status").asString()).isEqualTo("IN_PROGRESS");
    assertThat(status.get("title").asString()).isEqualTo("Changed");
    assertThat(status.get("version").asLong()).isEqualTo(3);
    JsonNode assigned = events.get(3).body().get("data");
    assertThat(assigned.get("assigneeId").asString()).isEqualTo(bob.id().toString());
    assertThat(assigned.get("previousAssigneeId").isNull()).isTrue();
    assertThat(assigned.get("title").asString()).isEqualTo("Changed");
    assertThat(assigned.get("version").asLong()).isEqualTo(4);
    JsonNode unassigned = events.get(4).body().get("data");
    assertThat(unassigned.get("assigneeId").isNull()).isTrue();
    assertThat(unassigned.get("previousAssigneeId").asString()).isEqualTo(bob.id().toString());
    assertThat(unassigned.get("version").asLong()).isEqualTo(5);
    JsonNode deleted = events.get(5).body().get("data");
    assertThat(deleted.propertyNames()).containsExactlyInAnyOrder("ticketId", "userId", "version");
    assertThat(deleted.get("userId").asString()).isEqualTo(ada.id().toString());
    assertThat(deleted.get("version").asLong()).isEqualTo(5);
  }

  @Test
  void opensOneTicketAndAnnouncesItOnceForARepeatedIdempotencyKey() {
    String body = ticketJson("Sent twice");

    JsonNode first = json(openWithKey(body, "retry-1").expectStatus().isCreated());
    JsonNode again =
        json(
            openWithKey(body, "retry-1")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectHeader()
                .valueEquals("Location", "/api/tickets/" + first.get("id").asString()));
    String id = first.get("id").asString();

    assertThat(again).isEqualTo(first);
    assertThat(
            jdbc.sql("SELECT count(*) FROM tickets WHERE owner_id = ? AND title = 'Sent twice'")
                .param(ada.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    send(HttpMethod.DELETE, "/api/tickets/" + id, ada, null).expectStatus().isNoContent();
    assertThat(names(eventsOf(id, "app/ticket.deleted", 2)))
        .containsExactly("app/ticket.created", "app/ticket.deleted");
  }

  @Test
  void refusesAKeyReusedForAnotherTicketAndAMalformedKey() {
    openWithKey(ticketJson("First use"), "reused").expectStatus().isCreated();

    JsonNode reused = expectProblem(openWithKey(ticketJson("Another ticket"), "reused"), 422);
    JsonNode malformed = expectProblem(openWithKey(ticketJson("Bad key"), "with space"), 400);

    assertThat(fieldsOf(reused)).containsExactly("Idempotency-Key");
    assertThat(fieldsOf(malformed)).containsExactly("Idempotency-Key");
    assertThat(
            jdbc.sql("SELECT count(*) FROM tickets WHERE owner_id = ? AND title IN (?, ?)")
                .params(ada.id(), "Another ticket", "Bad key")
                .query(Long.class)
                .single())
        .isZero();
  }

  private WebTestClient.ResponseSpec openWithKey(String body, String key) {
    return client
        .post()
        .uri("/api/tickets")
        .header("Authorization", ada.bearer())
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }
}
