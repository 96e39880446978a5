package com.ticketbounty.reliability.faults;

import com.ticketbounty.reliability.report.MarkedSection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The fault suite ({@code ./faults.sh}, README "Reliability"): starts the system service by service
 * with a recording e-mail provider, signs up the load's accounts, runs each chosen fault's phase
 * under steady load and reconciles after it, prints the table and writes it to
 * docs/reliability.md's faults section.
 */
public final class FaultSuite {
  private static final int ACCOUNTS = 6;
  private static final Duration READY_LIMIT = Duration.ofMinutes(4);

  /** Issue 14's faults by number; 4 is two: a cut connection, then a killed server. */
  private static final Map<Integer, List<Fault>> FAULTS =
      Map.of(
          1, List.of(new KillService(1, "notification-service")),
          2, List.of(new KillService(2, "ticket-service")),
          3, List.of(CutConnection.rabbitFromEveryService(3)),
          4, List.of(CutConnection.postgresFromNotificationService(4), new KillPostgres(4)),
          5, List.of(new PoisonMessages()),
          6, List.of(new ProviderOutage(6)),
          7, List.of(new BrokerNodeDown()));

  private FaultSuite() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("faults.root", ".")).toAbsolutePath().normalize();
    SuiteOptions options = SuiteOptions.parse(root, args);
    List<FaultRow> rows = run(options);
    String table = FaultTable.markdown(rows, setting(options));
    System.out.println(table);
    if (options.writeDocs()) {
      new MarkedSection("faults").write(root.resolve("docs/reliability.md"), table);
      FaultPhase.say("written to docs/reliability.md");
    }
    System.exit(rows.stream().allMatch(FaultRow::clean) ? 0 : 1);
  }

  /** Starts the system, runs every chosen fault's phase, stops the system; one row per fault. */
  public static List<FaultRow> run(SuiteOptions options) throws Exception {
    try (RecordingProvider provider = RecordingProvider.start()) {
      FaultPhase.say("starting the system service by service");
      String admin = "admin%d@%s".formatted(System.nanoTime() % 1_000_000, Frontend.DOMAIN);
      try (SuiteSystem system =
          SuiteSystem.start(options.root(), provider, admin, options.faults())) {
        FaultPhase.say("system %s up; logs in %s", system.instance(), system.logs());
        Frontend frontend = new Frontend(system.gateway());
        List<Load.Account> accounts = signUp(frontend);
        OperationsApi ops = OperationsApi.signInAdmin(frontend, provider, admin);
        FaultPhase phase = new FaultPhase(system, frontend, accounts, ops, options.recoveryLimit());
        List<FaultRow> rows = new ArrayList<>();
        for (int number : options.faults()) {
          for (Fault fault : faults(number)) {
            rows.add(phase.run(fault, options.perFault(), options.rate()));
            awaitAllHealthy(system);
          }
        }
        return rows;
      }
    }
  }

  private static List<Fault> faults(int number) {
    List<Fault> faults = FAULTS.get(number);
    if (faults == null) {
      throw new IllegalArgumentException("no fault " + number + "; known: " + FAULTS.keySet());
    }
    return faults;
  }

  /** Signs the load's accounts up, each with its token. */
  static List<Load.Account> signUp(Frontend frontend) {
    // All at once: each waits mostly on identity-service's password hashing.
    List<CompletableFuture<Load.Account>> pending = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      pending.add(
          signingUp(
              frontend, "pool%d%s".formatted(i, Long.toString(System.nanoTime() % 1_000_000, 36))));
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  /** Signs one account up, with its token. */
  static Load.Account signUp(Frontend frontend, String username) {
    return signingUp(frontend, username).join();
  }

  private static CompletableFuture<Load.Account> signingUp(Frontend frontend, String username) {
    return frontend
        .signUp(username)
        .thenApply(
            answer -> {
              if (answer.status() != 201) {
                throw new IllegalStateException(
                    "signing %s up answered %s".formatted(username, answer));
              }
              return new Load.Account(answer.text("/user/id"), answer.text("/accessToken"));
            });
  }

  private static void awaitAllHealthy(SuiteSystem system) throws InterruptedException {
    for (String service : SuiteSystem.DATABASE_OF.keySet()) {
      system.service(service).awaitHealthy(READY_LIMIT);
    }
  }

  private static String setting(SuiteOptions options) {
    String broker =
        options.faults().contains(SuiteBroker.NEEDS_CLUSTER)
            ? "a 3-node RabbitMQ cluster (scripts/rabbitmq-cluster.sh), every service given the"
                + " three nodes through a TCP proxy each"
            : "the machine's RabbitMQ, through a TCP proxy";
    return "The system ran on %s. ".formatted(broker)
        + ("Each fault: %s of steady load through the gateway (open loop), the fault injected a"
                + " third in and lifted two thirds in; fault 6 holds the provider slow and failing for"
                + " the durations it states, its phase growing to a third before, that window and a"
                + " third after. Expected e-mails come from the databases (tickets,"
                + " comments, accounts and password changes the phase made, plus every ticket answered"
                + " 201); lost = expected with no e-mail sent, duplicated = e-mails beyond one distinct"
                + " idempotency key per effect; finished steps re-run = e-mails a step sent after it was"
                + " recorded completed. Recovery: from the fault's end until every expected e-mail was"
                + " sent, no run unfinished and no outbox row unsent (limit %s).")
            .formatted(options.perFault(), options.recoveryLimit());
  }
}
