package com.ticketbounty.reliability.faults;

import com.ticketbounty.reliability.report.MarkedSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two replicas of every service ({@code ./replicas.sh}, README "Reliability", docs/scaling.md): the
 * suite's system laid out twice — two gateways, and two of each of identity, ticket, comment,
 * notification and admin-digest services — on one database server and one broker, with
 * admin-digest's cron every minute and leases of {@link #LEASE}. Steady load goes through both
 * gateways; a third in, the second replica of everything is killed with {@code -9} while both hold
 * one owner's runs (a burst of tickets against the function's concurrency limit), and two thirds in
 * it is started again. Then it counts: the phase's reconciliation as the fault suite's, the runs
 * the first replica resumed after their leases expired, every minute's cron tick (claimed once, run
 * once), the burst owner's e-mails the provider had in flight at once against the limit, and the
 * most PostgreSQL connections open at once against {@code max_connections}. Writes the section
 * "replicas" of docs/scaling.md.
 */
public final class ReplicaRun {
  /** Leases of a replica's runs: how long its runs wait once it died. 30 s unless set. */
  static final Duration LEASE = Duration.ofSeconds(15);

  /** {@code ticket-created}'s concurrency limit per owner (notification-service). */
  static final int LIMIT = 5;

  static final int BURST = 16;
  static final String CRON_FUNCTION = "prepare-admin-digest";

  /**
   * Room for two replicas of everything: 152 connections if every pool were full (docs/scaling.md).
   */
  static final int MAX_CONNECTIONS = 200;

  private static final Pattern JDBC_POOL = Pattern.compile("JDBC pool of (\\d+) connections");

  /** The R2DBC pools' {@code spring.r2dbc.pool.max-size} of the reactive services. */
  private static final Map<String, Integer> R2DBC_POOL =
      Map.of("identity-service", 5, "ticket-service", 5, "comment-service", 5);

  private ReplicaRun() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("faults.root", ".")).toAbsolutePath().normalize();
    Duration length = Duration.ofMinutes(6);
    double rate = 4;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--minutes" ->
            length = Duration.ofMillis(Math.round(Double.parseDouble(value) * 60_000));
        case "--rate" -> rate = Double.parseDouble(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option %s; usage: [--minutes 6] [--rate 4]".formatted(args[i]));
      }
    }
    ReplicaReport report = run(root, length, rate);
    String markdown = report.markdown();
    System.out.println(markdown);
    new MarkedSection("replicas").write(root.resolve("docs/scaling.md"), markdown);
    FaultPhase.say("written to docs/scaling.md");
    System.exit(report.holds() ? 0 : 1);
  }

  static SuiteLayout layout() {
    Map<String, String> postgres = new HashMap<>(SuiteLayout.DURABLE);
    postgres.put("max_connections", Integer.toString(MAX_CONNECTIONS));
    return new SuiteLayout(
        "replicas",
        2,
        Set.copyOf(SuiteSystem.DATABASE_OF.values()),
        postgres,
        Map.of(
            "ADMIN_DIGEST_SCHEDULE",
            "* * * * *",
            "EVENTRUNTIME_ENGINE_LEASEFOR",
            LEASE.toString()));
  }

  static ReplicaReport run(Path root, Duration length, double rate) throws Exception {
    try (RecordingProvider provider = RecordingProvider.start()) {
      FaultPhase.say("starting two replicas of every service");
      String admin = "admin%d@%s".formatted(System.nanoTime() % 1_000_000, Frontend.DOMAIN);
      try (SuiteSystem system = SuiteSystem.start(root, layout(), provider, admin)) {
        FaultPhase.say("system %s up; logs in %s", system.instance(), system.logs());
        Frontend frontend = new Frontend(system.gateways());
        List<Load.Account> accounts = FaultSuite.signUp(frontend);
        // The operator asks the first replica's gateway, which is never killed: the second
        // gateway, started again, answers 503 until its own identity-service serves the keys.
        OperationsApi ops =
            OperationsApi.signInAdmin(new Frontend(system.gateway()), provider, admin);
        String ownerName = "burst" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Load.Account owner = FaultSuite.signUp(frontend, ownerName);
        provider.hold(Frontend.email(ownerName), KillReplica.HOLD);
        KillReplica kill = new KillReplica(frontend, owner, "rb" + ownerName, BURST);
        FaultRow row;
        int mostConnections;
        try (ConnectionPeak connections = new ConnectionPeak(system, "ticket")) {
          row =
              new FaultPhase(system, frontend, accounts, ops, Duration.ofMinutes(5))
                  .run(kill, length, rate);
          for (ServiceProcess process : system.processes()) {
            process.awaitHealthy(Duration.ofMinutes(4));
          }
          mostConnections = connections.most();
        }
        Instant killedAt = Objects.requireNonNull(kill.killedAt(), "the replica was not killed");
        SystemState state = new SystemState(system);
        DrainedPoison drained = poisonBothDrain(system, state);
        Reconciliation burst =
            Reconciliation.of(
                state.expectedEffects(kill.burstTag(), kill.burstTickets()), provider.journal());
        CronTicks ticks;
        try (Connection digest = system.database("admin_digest")) {
          // From when the first replica worked (its cron ticking alone, then both, then the first
          // alone again, then both); a tick in the last 20 s may still be starting.
          ticks =
              CronTicks.read(
                  digest,
                  CRON_FUNCTION,
                  CronTicks.minutes(system.firstReplicaUp(), Instant.now().minusSeconds(20)));
        }
        return new ReplicaReport(
            Instant.now(),
            length,
            rate,
            LEASE,
            row,
            killedAt,
            kill.bothHeldTheOwnersRuns(),
            resumedRuns(system, killedAt),
            burst,
            kill.burst(),
            provider.mostAtOnce(Frontend.email(ownerName)),
            LIMIT,
            ticks,
            drained,
            mostConnections,
            MAX_CONNECTIONS,
            configuredPools(system));
      }
    }
  }

  /**
   * With both replicas up again, publishes the fault suite's poison messages and waits until each
   * is a dead letter in every queue that received it: both replicas drain the dead-letter queues.
   */
  private static DrainedPoison poisonBothDrain(SuiteSystem system, SystemState state)
      throws Exception {
    PoisonMessages poison = new PoisonMessages();
    poison.inject(system, Duration.ZERO);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    DrainedPoison drained = DrainedPoison.of(poison.poisonIds(), state.deadLetters());
    while (!drained.missing().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      drained = DrainedPoison.of(poison.poisonIds(), state.deadLetters());
    }
    // A second drainer's copy would come after the first: give it the time a drain takes.
    Thread.sleep(Duration.ofSeconds(5));
    return DrainedPoison.of(poison.poisonIds(), state.deadLetters());
  }

  /**
   * notification-service's runs resumed after a lease expired since the kill: {resumed, of them
   * completed}.
   */
  private static ReplicaReport.Resumed resumedRuns(SuiteSystem system, Instant killedAt)
      throws SQLException {
    try (Connection connection = system.database("notification");
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*), count(*) FILTER (WHERE status = 'completed') FROM"
                    + " event_runtime.runs WHERE takeovers > 0 AND ended_at > ?")) {
      query.setTimestamp(1, Timestamp.from(killedAt));
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new ReplicaReport.Resumed(row.getInt(1), row.getInt(2));
      }
    }
  }

  /**
   * Each process's most connections: its JDBC pool as it logged it at start, and its R2DBC pool's
   * configured maximum.
   */
  private static Map<String, Integer> configuredPools(SuiteSystem system) throws IOException {
    Map<String, Integer> pools = new LinkedHashMap<>();
    for (String service : SuiteSystem.DATABASE_OF.keySet()) {
      for (ServiceProcess process : system.replicas(service)) {
        Matcher logged = JDBC_POOL.matcher(Files.readString(process.log()));
        if (!logged.find()) {
          throw new IllegalStateException(
              "%s logged no JDBC pool size; see %s".formatted(process.name(), process.log()));
        }
        int jdbc = Integer.parseInt(logged.group(1));
        pools.put(process.name(), jdbc + R2DBC_POOL.getOrDefault(service, 0));
      }
    }
    return pools;
  }
}
