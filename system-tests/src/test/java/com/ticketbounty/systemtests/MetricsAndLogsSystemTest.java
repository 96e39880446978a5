package com.ticketbounty.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.ticketbounty.systemtests.Api.Account;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, "It must show" 3 and 6: notification-service's management port serves the runtime's
 * series with their labels after runs that completed, were retried and failed (and the public ports
 * serve no actuator); a run's log lines are JSON and carry its trace and run ids.
 */
@ExtendWith(SharedSystem.class)
class MetricsAndLogsSystemTest {
  private static final String NOTIFICATION = "notification-service";

  private static Api api;
  private static RuntimeRuns runs;

  @BeforeAll
  static void signUpTheAdmin() throws Exception {
    api = SharedSystem.api();
    Account admin =
        api.verify(api.signUp("telemetry", SharedSystem.TELEMETRY_EMAIL), SharedSystem.providers());
    runs = new RuntimeRuns(NOTIFICATION, admin.accessToken());
  }

  @Test
  void theManagementPortServesTheRuntimesSeriesAndThePublicPortsNone() throws Exception {
    Account ada = api.signUp("metered");
    String retried = "Retried once " + ada.username();
    String refused = "Refused for good " + ada.username();
    failFirst(retried);
    refuse(refused);

    deadLetterOne();
    String retriedTicket = openTicket(ada, retried);
    String refusedTicket = openTicket(ada, refused);
    runs.awaitRun("ticket-created", retriedTicket, "completed");
    runs.awaitRun("ticket-created", refusedTicket, "failed");

    String metrics = prometheus(NOTIFICATION);
    Map<String, String> ticketCreated = Map.of("function", "ticket-created");
    assertThat(
            value(metrics, "eventruntime_runs_total", with(ticketCreated, "status", "completed")))
        .isPositive();
    assertThat(value(metrics, "eventruntime_runs_total", with(ticketCreated, "status", "failed")))
        .isPositive();
    assertThat(value(metrics, "eventruntime_run_duration_seconds_count", ticketCreated))
        .isGreaterThanOrEqualTo(2);
    Map<String, String> confirmation = with(ticketCreated, "step", "send-confirmation");
    assertThat(value(metrics, "eventruntime_step_duration_seconds_count", confirmation))
        .isGreaterThanOrEqualTo(2);
    assertThat(value(metrics, "eventruntime_step_retries_total", confirmation)).isPositive();
    assertThat(value(metrics, "eventruntime_concurrency_wait_seconds_count", ticketCreated))
        .isGreaterThanOrEqualTo(2);
    assertThat(
            series(metrics, "eventruntime_runs_waiting", with(ticketCreated, "status", "queued")))
        .isNotEmpty();
    // The runtime's gauges read PostgreSQL every few seconds: the dead letter shows after a
    // refresh.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        value(
                            prometheus(NOTIFICATION),
                            "eventruntime_dead_letters",
                            Map.of("queue", functionQueue())))
                    .isPositive());
    assertThat(series(metrics, "eventruntime_outbox_backlog", Map.of())).isNotEmpty();
    assertThat(series(metrics, "http_server_requests_seconds_count", Map.of())).isNotEmpty();
    assertThat(series(metrics, "jvm_memory_used_bytes", Map.of())).isNotEmpty();

    RunCommand system = SharedSystem.system();
    for (String publicPort : List.of(system.gateway(), system.url(NOTIFICATION))) {
      Http.Reply reply = Http.get(publicPort + "/actuator/prometheus");
      assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    }
  }

  @Test
  void aRunsLogLinesAreJsonAndCarryItsTraceAndRunIds() throws Exception {
    Account ada = api.signUp("logged");
    String refused = "Logged refusal " + ada.username();
    refuse(refused);

    JsonNode run = runs.awaitRun("ticket-created", openTicket(ada, refused), "failed");
    String runId = run.path("id").asString();
    String traceId = run.path("traceId").asString();
    assertThat(traceId).hasSize(32);

    List<JsonNode> lines = jsonLines(SharedSystem.system().logOf(NOTIFICATION));
    List<JsonNode> ofTheRun =
        lines.stream().filter(line -> runId.equals(line.path("runId").asString(""))).toList();
    assertThat(ofTheRun).as("log lines with runId %s", runId).isNotEmpty();
    assertThat(ofTheRun)
        .allSatisfy(
            line -> {
              assertThat(line.path("traceId").asString("")).isEqualTo(traceId);
              assertThat(line.path("functionId").asString("")).isEqualTo("ticket-created");
            });
  }

  /** The queue of notification-service's ticket-created function. */
  private static String functionQueue() {
    return SharedSystem.system().instance() + ".notification-service.ticket-created";
  }

  /** A message no consumer can read, on the function's queue: it becomes a dead letter. */
  private static void deadLetterOne() throws Exception {
    try (Connection connection = TestRabbit.connectionFactory("127.0.0.1", 5672).newConnection();
        Channel channel = connection.createChannel()) {
      channel.basicPublish(
          "",
          functionQueue(),
          new AMQP.BasicProperties.Builder()
              .contentType("application/json")
              .messageId("not-an-event-" + System.nanoTime())
              .build(),
          "not an event".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Every line of the log, each parsed as the JSON object it must be. */
  private static List<JsonNode> jsonLines(java.nio.file.Path log) throws Exception {
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .map(
            line -> {
              JsonNode node = Http.JSON.readTree(line);
              assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
              return node;
            })
        .toList();
  }

  private static void failFirst(String title) {
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.EMAILS))
                .withRequestBody(containing(title))
                .inScenario(title)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("failed once"));
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.EMAILS))
                .withRequestBody(containing(title))
                .inScenario(title)
                .whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"email-2\"}")));
  }

  private static void refuse(String title) {
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.EMAILS))
                .withRequestBody(containing(title))
                .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"bad from\"}")));
  }

  private static String openTicket(Account owner, String title) throws Exception {
    Map<String, Object> ticket = new HashMap<>(Api.ticket(title));
    ticket.put("priority", "low");
    Http.Reply reply =
        api.call("POST", "/api/tickets").bearer(owner.accessToken()).json(ticket).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.text("/id");
  }

  private static String prometheus(String process) throws Exception {
    Http.Reply reply =
        Http.get(SharedSystem.system().managementUrl(process) + "/actuator/prometheus");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.body();
  }

  private static Map<String, String> with(Map<String, String> labels, String name, String value) {
    Map<String, String> more = new HashMap<>(labels);
    more.put(name, value);
    return more;
  }

  /** The lines of one series (its name exactly) carrying every one of {@code labels}. */
  static List<String> series(String exposition, String name, Map<String, String> labels) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*})? \\S+$");
    return exposition
        .lines()
        .filter(candidate -> line.matcher(candidate).matches())
        .filter(
            candidate ->
                labels.entrySet().stream()
                    .allMatch(
                        label ->
                            candidate.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
        .toList();
  }

  /** The sum of the matching series' values. */
  static double value(String exposition, String name, Map<String, String> labels) {
    List<String> lines = series(exposition, name, labels);
    assertThat(lines).as("%s%s in:%n%s", name, labels, exposition).isNotEmpty();
    return lines.stream()
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
