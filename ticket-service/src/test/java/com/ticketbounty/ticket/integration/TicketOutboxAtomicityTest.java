package com.ticketbounty.ticket.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ticket's row and its event's outbox row are committed together, or — when the outbox write
 * fails — both are rolled back: for opening, changing and deleting a ticket alike.
 */
class TicketOutboxAtomicityTest extends TicketServiceTest {
  @LocalManagementPort int managementPort;
  private final TestUser ada = user("ada");

  @Test
  void commitsTheTicketRowAndItsOutboxRowTogether() {
    String title = "Committed " + UUID.randomUUID();

    String id = open(ada, title).get("id").asString();

    Map<String, Object> row =
        jdbc.sql(
                "SELECT title, status, bounty, priority, version, owner_id::text AS owner"
                    + " FROM tickets WHERE id = ?::uuid")
            .param(id)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("title", title)
        .containsEntry("status", "OPEN")
        .containsEntry("bounty", 5000L)
        .containsEntry("priority", "URGENT")
        .containsEntry("version", 1L)
        .containsEntry("owner", ada.id().toString());
    Map<String, Object> outbox =
        jdbc.sql(
                "SELECT event_name, body FROM event_runtime.outbox WHERE aggregate_key = ?"
                    + " ORDER BY seq LIMIT 1")
            .param(id)
            .query()
            .singleRow();
    assertThat(outbox).containsEntry("event_name", "app/ticket.created");
    JsonNode event = JsonMapper.shared().readTree((String) outbox.get("body"));
    assertThat(event.get("user").get("id").asString()).isEqualTo(ada.id().toString());
    assertThat(event.at("/data/ticketId").asString()).isEqualTo(id);
    assertThat(event.at("/data/ownerEmail").asString()).isEqualTo(ada.email());
    // After the commit the relay sends it to the broker and marks it sent.
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                count(
                        "event_runtime.outbox WHERE aggregate_key = ? AND published_at IS NOT NULL",
                        id)
                    == 2);
  }

  @Test
  void rollsBackEveryChangeWhoseOutboxRowCannotBeWritten() {
    String title = "Rolled back " + UUID.randomUUID();
    String kept = open(ada, "Kept " + title).get("id").asString();

    refusingOutboxWrites(
        () -> {
          expectProblem(send(HttpMethod.POST, "/api/tickets", ada, ticketJson(title)), 500);
          expectProblem(
              send(HttpMethod.PATCH, "/api/tickets/" + kept, ada, "{\"title\":\"Changed\"}"), 500);
          expectProblem(send(HttpMethod.DELETE, "/api/tickets/" + kept, ada, null), 500);
        });

    assertThat(count("tickets WHERE title = ?", title)).isZero();
    assertThat(count("event_runtime.outbox WHERE body LIKE ?", "%\"title\":\"" + title + "\"%"))
        .isZero();
    assertThat(count("event_runtime.outbox WHERE aggregate_key = ?", kept))
        .as("only its creation, in both MAJORs")
        .isEqualTo(2);
    assertThat(
            jdbc.sql("SELECT title || ' v' || version FROM tickets WHERE id = ?::uuid")
                .param(kept)
                .query(String.class)
                .single())
        .isEqualTo("Kept " + title + " v1");
    // The same request succeeds once the outbox accepts writes again.
    send(HttpMethod.POST, "/api/tickets", ada, ticketJson(title)).expectStatus().isCreated();
    assertThat(count("tickets WHERE title = ?", title)).isEqualTo(1);
  }

  @Test
  void givesConcurrentChangesOfOneTicketConsecutiveVersionsAndOneEventEach() {
    String id = open(ada, "Contended").get("id").asString();

    List<Integer> statuses =
        IntStream.rangeClosed(1, 6)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            send(
                                    HttpMethod.PATCH,
                                    "/api/tickets/" + id,
                                    ada,
                                    "{\"title\":\"Contended " + i + "\"}")
                                .returnResult(String.class)
                                .getStatus()
                                .value()))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();

    assertThat(statuses).containsOnly(200);
    assertThat(
            jdbc.sql("SELECT version FROM tickets WHERE id = ?::uuid")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(7);
    List<Long> versions =
        jdbc.sql(
                "SELECT (body::jsonb -> 'data' ->> 'version')::bigint FROM event_runtime.outbox"
                    + " WHERE aggregate_key = ? AND event_name = 'app/ticket.updated'")
            .param(id)
            .query(Long.class)
            .list();
    assertThat(versions).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void readsBackTheStoredTicketExactlyAsItWasAnswered() {
    String created =
        new String(
            send(HttpMethod.POST, "/api/tickets", ada, ticketJson("Read back"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody(),
            StandardCharsets.UTF_8);
    String id = JsonMapper.shared().readTree(created).get("id").asString();

    client
        .get()
        .uri("/api/tickets/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json(created, JsonCompareMode.STRICT);
  }

  @Test
  void answersUnknownPathWith404ProblemAndReportsHealthUpOnTheManagementPortOnly() {
    expectProblem(client.get().uri("/api/nothing-here").exchange(), 404);
    client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + managementPort)
        .build()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  /** Runs {@code requests} while a trigger makes every insert into the outbox fail. */
  private void refusingOutboxWrites(Runnable requests) {
    jdbc.sql(
            """
            CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'outbox refuses writes (test)'; END $$""")
        .update();
    jdbc.sql(
            """
            CREATE TRIGGER refuse_outbox BEFORE INSERT ON event_runtime.outbox
            FOR EACH ROW EXECUTE FUNCTION refuse_outbox()""")
        .update();
    try {
      requests.run();
    } finally {
      jdbc.sql("DROP TRIGGER refuse_outbox ON event_runtime.outbox").update();
      jdbc.sql("DROP FUNCTION refuse_outbox()").update();
    }
  }

  private long count(String fromWhere, Object parameter) {
    return jdbc.sql("SELECT count(*) FROM " + fromWhere)
        .param(parameter)
        .query(Long.class)
        .single();
  }
}
