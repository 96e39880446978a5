package com.ticketbounty.ticket.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on the machine's PostgreSQL and RabbitMQ: a ticket row and its {@code
 * app/ticket.created} outbox row are committed together, or — when the outbox write fails — both
 * are rolled back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TicketOutboxAtomicityTest {
  private static final TestDatabase DATABASE = TestDatabase.create("ticket");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final String OWNER = "3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1f";

  @Autowired WebTestClient client;

  private final JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.r2dbc.url", DATABASE::r2dbcUrl);
    registry.add("spring.r2dbc.username", DATABASE::user);
    registry.add("event-runtime.name-prefix", RABBIT::prefix);
  }

  @AfterAll
  static void cleanUp() {
    RABBIT.delete(List.of(), List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void commitsTheTicketRowAndItsOutboxRowTogether() {
    String title = "Committed " + UUID.randomUUID();

    JsonNode ticket =
        open(title)
            .expectStatus()
            .isCreated()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    String id = ticket.get("id").asString();
    Map<String, Object> row =
        jdbc.sql(
                "SELECT title, status, bounty, priority, owner_id::text AS owner FROM tickets WHERE id = ?::uuid")
            .param(id)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("title", title)
        .containsEntry("status", "OPEN")
        .containsEntry("bounty", 5000L)
        .containsEntry("priority", "URGENT")
        .containsEntry("owner", OWNER);

    Map<String, Object> outbox =
        jdbc.sql("SELECT event_name, body FROM event_runtime.outbox WHERE aggregate_key = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(outbox).containsEntry("event_name", "app/ticket.created");
    JsonNode event = JsonMapper.shared().readTree((String) outbox.get("body"));
    assertThat(event.get("name").asString()).isEqualTo("app/ticket.created");
    assertThat(event.get("user").get("id").asString()).isEqualTo(OWNER);
    JsonNode data = event.get("data");
    assertThat(data.get("ticketId").asString()).isEqualTo(id);
    assertThat(data.get("userId").asString()).isEqualTo(OWNER);
    assertThat(data.get("ownerEmail").asString()).isEqualTo("ada@example.com");
    assertThat(data.get("title").asString()).isEqualTo(title);
    assertThat(data.get("priority").asString()).isEqualTo("urgent");
    assertThat(data.get("deadline").asString()).isEqualTo("2026-12-24");
    assertThat(data.get("bounty").asLong()).isEqualTo(5000);

    // After the commit the relay sends it to the broker and marks it sent.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                count(
                        "event_runtime.outbox WHERE aggregate_key = ? AND published_at IS NOT NULL",
                        id)
                    == 1);
  }

  @Test
  void rollsBackTheTicketWhenItsOutboxRowCannotBeWritten() {
    String title = "Rolled back " + UUID.randomUUID();
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
      byte[] body =
          open(title)
              .expectStatus()
              .isEqualTo(500)
              .expectHeader()
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody()
              .jsonPath("$.status")
              .isEqualTo(500)
              .returnResult()
              .getResponseBody();
      assertThat(new String(body, StandardCharsets.UTF_8))
          .doesNotContain("outbox refuses", "Exception", "\tat ");
    } finally {
      jdbc.sql("DROP TRIGGER refuse_outbox ON event_runtime.outbox").update();
      jdbc.sql("DROP FUNCTION refuse_outbox()").update();
    }

    assertThat(count("tickets WHERE title = ?", title)).isZero();
    assertThat(count("event_runtime.outbox WHERE body LIKE ?", "%" + title + "%")).isZero();
    // The same request succeeds once the outbox accepts writes again.
    open(title).expectStatus().isCreated();
    assertThat(count("tickets WHERE title = ?", title)).isEqualTo(1);
  }

  @Test
  void readsBackTheStoredTicketExactlyAsItWasAnswered() {
    String created =
        new String(
            open("Read back " + UUID.randomUUID())
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
        .json(created, org.springframework.test.json.JsonCompareMode.STRICT);
  }

  @Test
  void answersUnknownTicketAndUnknownPathWith404Problem() {
    client
        .get()
        .uri("/api/tickets/{id}", UUID.randomUUID())
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    client
        .get()
        .uri("/api/nothing-here")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void reportsHealthUp() {
    client
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  private WebTestClient.ResponseSpec open(String title) {
    String body =
        """
        {"title":"%s","content":"The sign-in button does nothing on Safari.",
         "deadline":"2026-12-24","bounty":5000,"priority":"urgent",
         "ownerId":"%s","ownerEmail":"ada@example.com"}"""
            .formatted(title, OWNER);
    return client
        .post()
        .uri("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private long count(String fromWhere, Object parameter) {
    return jdbc.sql("SELECT count(*) FROM " + fromWhere)
        .param(parameter)
        .query(Long.class)
        .single();
  }
}
