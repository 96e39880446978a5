package com.ticketbounty.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.systemtests.Api.Account;
import com.ticketbounty.testsupport.TcpProxy;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second replica of notification-service beside the shared system's, on the same database and
 * queues, as a deployment that outgrew one instance runs it (docs/scaling.md), and killed with
 * SIGKILL while it holds runs of one owner's burst of tickets. The first replica resumes those runs
 * once their leases expire; until then it counts them against the function's concurrency limit (5
 * per owner), so the limit holds across both, counted in the database and at the provider; and
 * every ticket gets exactly one confirmation (one idempotency key each: a resend under the same key
 * is what the provider deduplicates).
 *
 * <p>Which replica claims a run is a race, and the one that ends a run usually claims the slot it
 * freed; left alone, the first (warm) replica can take every run of the burst and the second has
 * nothing to lose when it dies. So the first stalls (SIGSTOP, as a long GC pause would stall it)
 * until the second holds some of the burst's runs: it is killed holding them, and only then does
 * the first go on, with the rest of the burst and the dead replica's leases still live in the
 * database.
 */
@ExtendWith(SharedSystem.class)
class NotificationReplicaSystemTest {
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  /**
   * How long the provider holds each of this owner's e-mails: long enough to kill a replica
   * mid-call.
   */
  private static final Duration HOLD = Duration.ofSeconds(3);

  /** The second replica's lease (30 s by default): how long its runs wait after it died. */
  private static final Duration REPLICA_LEASE = Duration.ofSeconds(10);

  private static final int TICKETS = 16;
  private static final int LIMIT = 5;

  @Test
  void theSurvivorCountsTheKilledReplicasLeasesAndResumesItsRunsOnce() throws Exception {
    RunCommand system = SharedSystem.system();
    Api api = SharedSystem.api();
    Providers providers = SharedSystem.providers();
    Account owner = api.signUp("replicas");
    String marker = "Replica " + owner.username();
    SharedSystem.emailProvider()
        .stubFor(
            post(urlEqualTo(Providers.EMAILS))
                .withRequestBody(containing(owner.email()))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withBody("{\"id\":\"replica\"}")
                        .withFixedDelay((int) HOLD.toMillis())));

    String queue = system.instance() + ".notification-service.ticket-created";
    long firstReplicasConsumers = consumers(queue);
    ProcessHandle first = system.serviceProcess("notification-service");
    Path logs = RunCommand.REPOSITORY.resolve("system-tests/target/replica-" + UUID.randomUUID());
    Instant killedAt;
    Set<UUID> heldByTheKilled;
    int mostLive;
    try (JarProcess replica =
        JarProcess.start(
            "notification-service",
            "notification-service-2",
            TcpProxy.freePort(),
            replicaEnvironment(system),
            logs)) {
      replica.awaitHealthy(PATIENCE);
      // An event that arrives before the replica consumes is only taken by the first one.
      await().atMost(PATIENCE).until(() -> consumers(queue) == 2 * firstReplicasConsumers);

      try (Stall stalled = Stall.of(first)) {
        // The broker hands the burst's events to both replicas' consumers in turn; the first
        // holds its share undelivered, the second takes its share in and claims runs.
        IntStream.range(0, TICKETS).parallel().forEach(i -> open(api, owner, marker + " " + i));
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(50))
            .until(() -> !running(system, owner.id()).isEmpty());
        killedAt = Instant.now();
        replica.kill();
        // The first is stalled: every running run is the dead replica's, and stays leased to it.
        heldByTheKilled = running(system, owner.id());
      }

      int[] most = {0};
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                most[0] = Math.max(most[0], liveLeases(system, owner.id()));
                return ended(system, owner.id()).size() == TICKETS;
              });
      mostLive = most[0];
      await()
          .atMost(PATIENCE)
          .until(() -> confirmedTitles(providers, owner, marker).size() == TICKETS);
    }

    List<Providers.Call> calls =
        providers.emailsTo(owner.email()).stream()
            .filter(call -> call.content().contains(marker))
            .toList();
    Map<String, Set<String>> keysByTitle = new HashMap<>();
    for (Providers.Call call : calls) {
      keysByTitle
          .computeIfAbsent(titleIn(call, marker), title -> new HashSet<>())
          .add(call.idempotencyKey());
    }
    assertThat(keysByTitle).as("tickets confirmed").hasSize(TICKETS);
    assertThat(keysByTitle.values())
        .as("idempotency keys per ticket: a resend keeps its key")
        .allSatisfy(keys -> assertThat(keys).hasSize(1));

    List<Run> runs = ended(system, owner.id());
    assertThat(runs).allSatisfy(run -> assertThat(run.status()).isEqualTo("completed"));
    List<Run> resumed = runs.stream().filter(run -> run.takeovers() > 0).toList();
    assertThat(resumed)
        .as("runs resumed by the first replica: the killed one's")
        .isNotEmpty()
        .extracting(Run::id)
        .isSubsetOf(heldByTheKilled);
    assertThat(resumed).allSatisfy(run -> assertThat(run.endedAt()).isAfter(killedAt));

    assertThat(mostLive)
        .as("live leases of this owner's runs at once, the dead replica's counted")
        .isBetween(1, LIMIT);
    assertThat(mostAtOnce(calls))
        .as("confirmations of one owner in flight at once, across both replicas")
        .isBetween(2, LIMIT);
  }

  /** What run.sh gives the shared system's notification-service, on ports of the replica's own. */
  private static Map<String, String> replicaEnvironment(RunCommand system) {
    String database = system.database("notification");
    String provider = SharedSystem.emailProvider().baseUrl();
    Map<String, String> environment = new HashMap<>();
    environment.put("NOTIFICATION_SERVICE_PORT", Integer.toString(TcpProxy.freePort()));
    environment.put("DB_HOST", "127.0.0.1");
    environment.put("DB_PORT", Integer.toString(system.postgresPort()));
    environment.put("DB_NAME", database);
    environment.put("DB_USER", database);
    environment.put("EVENTRUNTIME_NAMEPREFIX", system.instance() + ".");
    environment.put("EVENTRUNTIME_ENGINE_LEASEFOR", REPLICA_LEASE.toString());
    environment.put("IDENTITY_JWKS_URI", system.url("identity-service") + "/.well-known/jwks.json");
    environment.put("EMAIL_BASE_URL", provider);
    environment.put("EMAIL_API_KEY", "re_test_key");
    environment.put("SLACK_WEBHOOK_URL", provider + Providers.SLACK);
    environment.put("DISCORD_WEBHOOK_URL", provider + Providers.DISCORD);
    environment.put("ANALYTICS_BASE_URL", provider);
    environment.put("APP_BASE_URL", Providers.APP_BASE_URL);
    environment.put("WELCOME_EMAIL_DELAY", SharedSystem.WELCOME_EMAIL_DELAY.toString());
    return environment;
  }

  private static void open(Api api, Account owner, String title) {
    try {
      api.openTicket(owner, title);
    } catch (Exception e) {
      throw new IllegalStateException("cannot open " + title, e);
    }
  }

  private static long consumers(String queue) {
    return new TestRabbit().consumers(queue);
  }

  private static Set<String> confirmedTitles(Providers providers, Account owner, String marker) {
    return providers.delivered(owner.email(), call -> call.content().contains(marker)).stream()
        .map(call -> titleIn(call, marker))
        .collect(Collectors.toSet());
  }

  /** "Replica <username> <n>" as the confirmation quotes it. */
  private static String titleIn(Providers.Call call, String marker) {
    String content = call.content();
    int from = content.indexOf(marker);
    int to = from + marker.length() + 1;
    while (to < content.length() && Character.isDigit(content.charAt(to))) {
      to++;
    }
    return content.substring(from, to);
  }

  /** The most calls whose provider hold overlapped, each lasting {@link #HOLD} from its start. */
  private static int mostAtOnce(List<Providers.Call> calls) {
    List<Instant> starts = calls.stream().map(Providers.Call::at).sorted().toList();
    int most = 0;
    for (Instant start : starts) {
      Instant end = start.plus(HOLD);
      int overlapping =
          (int) starts.stream().filter(s -> !s.isBefore(start) && s.isBefore(end)).count();
      most = Math.max(most, overlapping);
    }
    return most;
  }

  private record Run(UUID id, String status, int takeovers, Instant endedAt) {}

  /** This owner's ticket-created runs that are running now. */
  private static Set<UUID> running(RunCommand system, String ownerId) throws SQLException {
    return new HashSet<>(
        ownersRuns(
            system, ownerId, "id", "status = 'running'", row -> row.getObject(1, UUID.class)));
  }

  /** This owner's ticket-created runs whose lease is live: what its concurrency limit counts. */
  private static int liveLeases(RunCommand system, String ownerId) throws SQLException {
    return ownersRuns(
            system,
            ownerId,
            "id",
            "status = 'running' AND lease_expires_at > now()",
            row -> row.getObject(1, UUID.class))
        .size();
  }

  /** This owner's ticket-created runs that have ended. */
  private static List<Run> ended(RunCommand system, String ownerId) throws SQLException {
    return ownersRuns(
        system,
        ownerId,
        "id, status, takeovers, ended_at",
        "ended_at IS NOT NULL",
        row ->
            new Run(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getInt(3),
                row.getTimestamp(4).toInstant()));
  }

  private interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** {@code columns} of this owner's ticket-created runs that meet {@code condition}. */
  private static <T> List<T> ownersRuns(
      RunCommand system, String ownerId, String columns, String condition, Row<T> row)
      throws SQLException {
    List<T> found = new ArrayList<>();
    try (Connection connection = notificationDatabase(system);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT "
                    + columns
                    + " FROM event_runtime.runs WHERE function_id = 'ticket-created' AND"
                    + " concurrency_key = ? AND "
                    + condition)) {
      query.setString(1, ownerId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(row.read(rows));
        }
      }
    }
    return found;
  }

  private static Connection notificationDatabase(RunCommand system) throws SQLException {
    String database = system.database("notification");
    return system.connectAs(database, database);
  }
}
