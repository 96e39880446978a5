package com.ticketbounty.eventruntime.spring.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.Sensitive;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spring.TestService;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Functions, runs, replay, cancel, trigger and send — the operations API over a real engine; a sent
 * event's sensitive fields are sealed by its contract.
 */
@SpringBootTest(
    classes = OperationsRunsApiTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OperationsRunsApiTest {
  private static final TestDatabase DATABASE = TestDatabase.create("operations_runs");
  private static final TestRabbit RABBIT = new TestRabbit();
  static final AtomicBoolean BROKEN = new AtomicBoolean(true);
  static final AtomicInteger DIGESTS = new AtomicInteger();
  static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  @Autowired WebTestClient client;
  @Autowired DataSource dataSource;
  @Autowired RunStore store;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestService.register(registry, "ops-runs", DATABASE, RABBIT);
  }

  @AfterAll
  static void cleanUp() {
    List<String> queues =
        List.of("ops-runs.ping-handler", "ops-runs.nightly-digest", "ops-runs.secret-handler")
            .stream()
            .flatMap(q -> List.of(RABBIT.prefix() + q, RABBIT.prefix() + q + ".dlq").stream())
            .toList();
    RABBIT.delete(queues, List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void listsTheFunctionsWithTheirTriggersRetriesAndConcurrency() {
    client
        .get()
        .uri("/internal/runtime/functions")
        .header("Authorization", TestAccess.ADMIN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[?(@.id == 'ping-handler')].triggers[0].event")
        .isEqualTo("test/ping.sent")
        .jsonPath("$[?(@.id == 'ping-handler')].concurrency.limit")
        .isEqualTo(2)
        .jsonPath("$[?(@.id == 'nightly-digest')].triggers[0].cron")
        .isEqualTo("0 0 * * *")
        .jsonPath("$[?(@.id == 'nightly-digest')].service")
        .isEqualTo("ops-runs");
  }

  @Test
  void aSentEventFailsItsRunWhichIsListedShownAndReplayedToCompletion() {
    String eventId =
        JsonPath.read(
            body(
                client
                    .post()
                    .uri("/internal/runtime/events")
                    .header("Authorization", TestAccess.ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "test/ping.sent", "data", Map.of("text", "hi")))
                    .exchange()
                    .expectStatus()
                    .isAccepted()),
            "$.id");

    String runId = awaitRun("failed", eventId);
    client
        .get()
        .uri("/internal/runtime/runs/" + runId)
        .header("Authorization", TestAccess.ADMIN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.function")
        .isEqualTo("ping-handler")
        .jsonPath("$.event.data.text")
        .isEqualTo("hi")
        .jsonPath("$.steps[0].id")
        .isEqualTo("answer")
        .jsonPath("$.steps[0].status")
        .isEqualTo("failed");
    BROKEN.set(false);

    post("/internal/runtime/runs/" + runId + "/replay").expectStatus().isOk();

    awaitRun("completed", eventId);
    post("/internal/runtime/runs/" + runId + "/replay").expectStatus().isEqualTo(409);
    post("/internal/runtime/runs/" + runId + "/cancel").expectStatus().isEqualTo(409);
    client
        .post()
        .uri("/internal/runtime/runs/replay")
        .header("Authorization", TestAccess.ADMIN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("function", "ping-handler"))
        .exchange()
        .expectStatus()
        .isOk();

    String audit = audit();
    // The refused replay and cancel (409) left nothing: only what was done is recorded.
    assertThat(JsonPath.<List<String>>read(audit, "$.list[?(@.target == '" + runId + "')].action"))
        .containsExactly("run.replayed");
    assertThat(
            JsonPath.<List<String>>read(audit, "$.list[?(@.target == '" + eventId + "')].action"))
        .containsExactly("event.sent");
    assertThat(JsonPath.<Object>read(audit, "$.list[0].action")).isEqualTo("runs.replayed");
    assertThat(JsonPath.<Object>read(audit, "$.list[0].detail.filter.function"))
        .isEqualTo("ping-handler");
    assertThat(JsonPath.<Object>read(audit, "$.list[0].detail.count")).isEqualTo(0);
    assertThat(JsonPath.<Object>read(audit, "$.list[0].target")).isNull();
    assertThat(JsonPath.<List<String>>read(audit, "$.list[?(@.target == '" + runId + "')].actorId"))
        .containsExactly(TestAccess.ADMIN_ID);
    assertThat(
            JsonPath.<List<String>>read(audit, "$.list[?(@.target == '" + runId + "')].actorName"))
        .containsExactly("test-admin");
    assertThat(
            JsonPath.<List<String>>read(
                audit, "$.list[?(@.target == '" + eventId + "')].detail.name"))
        .containsExactly("test/ping.sent");
  }

  @Test
  void sendingAnEventSealsTheSensitiveFieldsOfAContractTheServiceReadsForThatEvent() {
    String secret = "clear-" + System.nanoTime();

    String eventId = send("test/secret.sent", Map.of("thingId", "t-1", "secret", secret));

    await().atMost(Duration.ofSeconds(20)).until(() -> SECRETS.contains(secret));
    assertThat(outboxBody(eventId))
        .contains("\"secret\":{\"$enc\":\"v2:")
        .contains("t-1")
        .doesNotContain(secret);
  }

  @Test
  void sendingAnEventSealsAContractFoundOnTheClasspathThatNoFunctionReads() {
    String eventId = send("test/secret.scanned", Map.of("password", "hunter2-scanned"));

    assertThat(outboxBody(eventId))
        .contains("\"password\":{\"$enc\":\"v2:")
        .doesNotContain("hunter2-scanned");
  }

  @Test
  void sendingAnAlreadySealedValueIsRefusedNamingTheField() {
    client
        .post()
        .uri("/internal/runtime/events")
        .header("Authorization", TestAccess.ADMIN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            Map.of(
                "name",
                "test/secret.sent",
                "data",
                Map.of("thingId", "t-2", "secret", Map.of("$enc", "v2:0a1b2c3d:AAAA"))))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("data.secret");
  }

  private String send(String name, Map<String, Object> data) {
    return JsonPath.read(
        body(
            client
                .post()
                .uri("/internal/runtime/events")
                .header("Authorization", TestAccess.ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "data", data))
                .exchange()
                .expectStatus()
                .isAccepted()),
        "$.id");
  }

  private String outboxBody(String eventId) {
    return JdbcClient.create(dataSource)
        .sql("SELECT body FROM event_runtime.outbox WHERE event_id = ?::uuid")
        .param(eventId)
        .query(String.class)
        .single();
  }

  @Test
  void aRunOfAFunctionThisInstanceDoesNotHaveStaysQueuedAndSaysWhy() {
    // As a newer version of the service, deployed beside this one, would have created it.
    RunRecord run =
        store
            .createRuns(
                List.of(
                    new NewRun(
                        UUID.randomUUID(),
                        "added-in-a-newer-version",
                        UUID.randomUUID(),
                        "{\"name\":\"test/ping.sent\",\"data\":{}}",
                        null,
                        null)))
            .get(0);

    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> store.run(run.id()).orElseThrow().status() == RunStatus.QUEUED);
    client
        .get()
        .uri("/internal/runtime/runs/" + run.id())
        .header("Authorization", TestAccess.ADMIN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("queued")
        .jsonPath("$.reason")
        .value(
            reason ->
                assertThat((String) reason)
                    .contains("added-in-a-newer-version")
                    .contains("not deployed on this instance"));
  }

  @Test
  void triggersACronFunctionNowAndRefusesOthers() {
    int before = DIGESTS.get();

    post("/internal/runtime/functions/nightly-digest/trigger").expectStatus().isAccepted();
    post("/internal/runtime/functions/ping-handler/trigger").expectStatus().isEqualTo(409);
    post("/internal/runtime/functions/no-such/trigger").expectStatus().isNotFound();

    await().atMost(Duration.ofSeconds(20)).until(() -> DIGESTS.get() == before + 1);
    String audit = audit();
    assertThat(
            JsonPath.<List<String>>read(
                audit, "$.list[?(@.action == 'function.triggered')].target"))
        .containsExactly("nightly-digest");
    assertThat(
            JsonPath.<List<String>>read(
                audit, "$.list[?(@.action == 'function.triggered')].detail.runId"))
        .hasSize(1);
  }

  @Test
  void theAuditIsForAdministratorsAndRefusesABadQuery() {
    client.get().uri("/internal/runtime/audit").exchange().expectStatus().isUnauthorized();
    client
        .get()
        .uri("/internal/runtime/audit")
        .header("Authorization", TestAccess.USER)
        .exchange()
        .expectStatus()
        .isForbidden();
    for (String query : List.of("limit=0", "limit=x", "since=yesterday")) {
      client
          .get()
          .uri("/internal/runtime/audit?" + query)
          .header("Authorization", TestAccess.ADMIN)
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    client
        .get()
        .uri("/internal/runtime/audit?since=2999-01-01T00:00:00Z")
        .header("Authorization", TestAccess.ADMIN)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list.length()")
        .isEqualTo(0);
  }

  private String audit() {
    return body(
        client
            .get()
            .uri("/internal/runtime/audit?limit=1000")
            .header("Authorization", TestAccess.ADMIN)
            .exchange()
            .expectStatus()
            .isOk());
  }

  @Test
  void answersBadInputWithProblems() {
    client
        .post()
        .uri("/internal/runtime/events")
        .header("Authorization", TestAccess.ADMIN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "Not A Name", "data", List.of(1)))
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("name", "data"));
    client
        .post()
        .uri("/internal/runtime/events")
        .header("Authorization", TestAccess.ADMIN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\": ")
        .exchange()
        .expectStatus()
        .isBadRequest();
    for (String query : List.of("status=bogus", "limit=0", "since=yesterday")) {
      client
          .get()
          .uri("/internal/runtime/runs?" + query)
          .header("Authorization", TestAccess.ADMIN)
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    client
        .get()
        .uri("/internal/runtime/runs/not-a-uuid")
        .header("Authorization", TestAccess.ADMIN)
        .exchange()
        .expectStatus()
        .isNotFound();
    client.get().uri("/internal/runtime/runs").exchange().expectStatus().isUnauthorized();
  }

  private String awaitRun(String status, String eventId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !JsonPath.<List<Object>>read(
                        runs(status), "$.list[?(@.eventId == '" + eventId + "')]")
                    .isEmpty());
    return JsonPath.<List<String>>read(runs(status), "$.list[?(@.eventId == '" + eventId + "')].id")
        .get(0);
  }

  private String runs(String status) {
    return body(
        client
            .get()
            .uri("/internal/runtime/runs?function=ping-handler&status=" + status)
            .header("Authorization", TestAccess.ADMIN)
            .exchange()
            .expectStatus()
            .isOk());
  }

  private WebTestClient.ResponseSpec post(String path) {
    return client.post().uri(path).header("Authorization", TestAccess.ADMIN).exchange();
  }

  private static String body(WebTestClient.ResponseSpec response) {
    byte[] content = response.expectBody().returnResult().getResponseBodyContent();
    return new String(content, StandardCharsets.UTF_8);
  }

  @EventType(name = "test/secret.sent", version = "1.0")
  record SecretSent(String thingId, @Sensitive String secret) {}

  /** Read by no function or subscription here: found by the classpath scan only. */
  @EventType(name = "test/secret.scanned", version = "1.0")
  record SecretScanned(@Sensitive String password) {}

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    OperationsAccess access() {
      return new TestAccess();
    }

    @Bean
    DurableFunction pingHandler() {
      return DurableFunction.named("ping-handler")
          .triggeredBy("test/ping.sent")
          .concurrency(2, "event.data.text")
          .handler(
              ctx ->
                  ctx.step()
                      .run(
                          "answer",
                          String.class,
                          key -> {
                            if (BROKEN.get()) {
                              throw new NonRetriableException("a bug, fixed later");
                            }
                            return "pong";
                          }));
    }

    @Bean
    DurableFunction secretHandler() {
      return DurableFunction.named("secret-handler")
          .triggeredBy(SecretSent.class)
          .handler(
              ctx -> {
                String secret = ctx.data(SecretSent.class).secret();
                ctx.step().run("keep", key -> SECRETS.add(secret));
                return null;
              });
    }

    @Bean
    DurableFunction nightlyDigest() {
      return DurableFunction.named("nightly-digest")
          .onCron("0 0 * * *")
          .handler(
              ctx -> {
                ctx.step().run("count", key -> DIGESTS.incrementAndGet());
                return null;
              });
    }
  }
}
