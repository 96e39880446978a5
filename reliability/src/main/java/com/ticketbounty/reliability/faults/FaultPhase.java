package com.ticketbounty.reliability.faults;

import com.ticketbounty.bench.driver.OpenLoop;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One fault's phase: load from its start to its end, the fault injected and lifted as its {@link
 * PhaseSchedule} says (a third in and two thirds in, unless the fault asks for a longer window),
 * then the reconciliation polled until it holds — every expected e-mail sent once, no run
 * unfinished, no outbox row unsent — or the limit passes. Recovery is counted from the fault's
 * lifting, but polled only once the load (another third after the lifting) has ended and been
 * answered: a recovery of about that third shows the system had caught up by the end of the load.
 */
final class FaultPhase {
  private static final Duration POLL = Duration.ofMillis(500);

  private final SuiteSystem system;
  private final Frontend frontend;
  private final List<Load.Account> accounts;
  private final SystemState state;
  private final OperationsApi ops;
  private final Duration recoveryLimit;

  FaultPhase(
      SuiteSystem system,
      Frontend frontend,
      List<Load.Account> accounts,
      OperationsApi ops,
      Duration recoveryLimit) {
    this.system = system;
    this.frontend = frontend;
    this.accounts = accounts;
    this.state = new SystemState(system);
    this.ops = ops;
    this.recoveryLimit = recoveryLimit;
  }

  /** Runs {@code fault}'s phase; {@code defaultLength} is its length for the default window. */
  FaultRow run(Fault fault, Duration defaultLength, double rate) throws Exception {
    String tag = "f%d%s".formatted(fault.number(), randomLetters());
    Load load = new Load(frontend, accounts, tag);
    PhaseSchedule schedule = PhaseSchedule.of(fault, defaultLength);
    Duration length = schedule.length();
    int count = (int) Math.ceil(rate * length.toMillis() / 1000.0);
    OpenLoop loop = new OpenLoop(rate, count, Load.completions(count), load);
    long start = System.nanoTime();
    say(
        "fault %d (%s): load %.0f req/s for %s, tag %s",
        fault.number(), fault.description(), rate, length, tag);
    List<DeadLetter> deadBefore = state.deadLetters();
    List<String> failedBefore = state.failedRuns();
    List<String> opsDeadBefore = ops.deadLetterIds();
    Thread sending = loop.start();
    sleepUntil(start, schedule.inject());
    say("fault %d: injecting for %s", fault.number(), schedule.window());
    fault.inject(system, schedule.window());
    sleepUntil(start, schedule.lift());
    say("fault %d: lifting", fault.number());
    fault.lift(system);
    Instant lifted = Instant.now();
    sending.join();
    load.awaitAnswers();
    say(
        "fault %d: load done (%d sent, %d answered, %d failed); reconciling",
        fault.number(), loop.sent(), load.answered(), load.failed());
    Optional<Duration> recovery = awaitRecovery(fault, tag, load.answeredTickets(), lifted);
    if (recovery.isEmpty()) {
      say(
          "fault %d: no recovery within %s; every service's threads dumped into its log in %s",
          fault.number(), recoveryLimit, system.logs());
      for (ServiceProcess process : system.processes()) {
        process.dumpThreads();
      }
    }
    List<Delivery> journal = system.provider().journal();
    Reconciliation reconciliation =
        Reconciliation.of(state.expectedEffects(tag, load.answeredTickets()), journal);
    FaultRow row =
        new FaultRow(
            fault,
            rate,
            loop.sent(),
            load.answered(),
            reconciliation,
            StepReruns.count(journal, state.completedSteps()),
            without(state.failedRuns(), failedBefore),
            without(state.deadLetters(), deadBefore),
            state.unfinishedRuns() + state.unsentOutboxRows(),
            new FaultRow.OpsView(
                ops.unfinishedRuns(), without(ops.deadLetterIds(), opsDeadBefore).size()),
            recovery);
    say("fault %d: %s", fault.number(), row);
    return row;
  }

  private Optional<Duration> awaitRecovery(
      Fault fault, String tag, Set<String> answeredTickets, Instant lifted)
      throws SQLException, InterruptedException {
    Instant deadline = lifted.plus(recoveryLimit);
    while (Instant.now().isBefore(deadline)) {
      Reconciliation now =
          Reconciliation.of(
              state.expectedEffects(tag, answeredTickets), system.provider().journal());
      if (now.lost() == 0
          && state.unfinishedRuns() == 0
          && state.unsentOutboxRows() == 0
          && FaultRow.poisonNotDeadLettered(fault.poisonIds(), state.deadLetters()).isEmpty()) {
        return Optional.of(Duration.between(lifted, Instant.now()));
      }
      Thread.sleep(POLL);
    }
    return Optional.empty();
  }

  private static <T> List<T> without(List<T> now, List<T> before) {
    return now.stream().filter(item -> !before.contains(item)).toList();
  }

  private static void sleepUntil(long startNanos, Duration offset) throws InterruptedException {
    long wait = startNanos + offset.toNanos() - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
  }

  private static String randomLetters() {
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return letters.toString();
  }

  static void say(String format, Object... arguments) {
    System.out.printf(
        "[faults] %s %s%n", LocalTime.now(ZoneOffset.UTC).withNano(0), format.formatted(arguments));
  }
}
