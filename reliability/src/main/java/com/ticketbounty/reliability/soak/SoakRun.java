package com.ticketbounty.reliability.soak;

import com.ticketbounty.bench.driver.Clocks;
import com.ticketbounty.bench.driver.Completions;
import com.ticketbounty.bench.driver.LaunchedSystem;
import com.ticketbounty.bench.driver.OpenLoop;
import com.ticketbounty.bench.driver.Phases;
import com.ticketbounty.bench.driver.RunningSystem;
import com.ticketbounty.bench.driver.Timing;
import com.ticketbounty.bench.driver.WindowLatency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * One soak against a started system: signs its accounts up and opens a few tickets, attaches its
 * probes, then offers {@link Operation#MIX} open-loop at the options' rate for their length,
 * sampling the system's resources at the end of every sample period. The load's figures per period
 * (answers per second, p50 and p99 of the requests scheduled in it) are read afterwards from the
 * completions, once the last answers are in; latency runs from a request's scheduled time to its
 * answer (no coordinated omission), so a request never answered counts with its age at the end of
 * the drain and makes the percentiles of its period lower bounds.
 */
public final class SoakRun {
  private static final int FIRST_TICKETS = 10;
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

  private final SoakTarget target;
  private final SoakOptions options;
  private final Consumer<String> progress;

  public SoakRun(SoakTarget target, SoakOptions options, Consumer<String> progress) {
    this.target = target;
    this.options = options;
    this.progress = progress;
  }

  public SoakResult run() throws Exception {
    RunningSystem system = target.system();
    GatewayCalls calls = new GatewayCalls(system.gateway());
    progress.accept(
        "signing up %d + %d accounts".formatted(options.accounts(), options.passwordChangers()));
    List<Account> accounts = signUp(calls, options.accounts());
    List<Account> changers = signUp(calls, options.passwordChangers());
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < FIRST_TICKETS; i++) {
      String body =
          Traffic.expect(201, calls.openTicket(accounts.get(i % accounts.size()), "low", -i))
              .join();
      tickets.add(GatewayCalls.field(body, "/id"));
    }
    Map<String, Long> pids = pids(system);
    int count = options.requests();
    Completions completions = new Completions(count);
    Outcomes outcomes = new Outcomes();
    Traffic traffic = new Traffic(calls, completions, outcomes, accounts, changers, tickets);
    SampleTable samples = new SampleTable();
    Instant startedAt = Instant.now();
    try (HeapAfterGc heap = HeapAfterGc.attach(pids);
        DatabaseStatistics databases =
            new DatabaseStatistics(
                target.postgresPort(), target.instance(), LaunchedSystem.DATABASES);
        TokenRefresher refresher = new TokenRefresher(calls, traffic.accounts())) {
      Resources resources =
          new Resources(heap, databases, new BrokerConnections(target.brokerPort()), pids);
      Map<String, String> settings = databases.settings();
      List<Map<SampleTable.Series, Double>> taken = new ArrayList<>();
      taken.add(resources.sample());
      refresher.start();
      OpenLoop loop = new OpenLoop(options.rate(), count, completions, traffic);
      Timing timing = new Timing(Duration.ZERO, options.length(), DRAIN_LIMIT);
      long start = loop.windowStartMicros(timing);
      long period = options.samplePeriod().toNanos() / 1_000;
      int periods = (int) (options.length().toNanos() / 1_000 / period);
      Thread sending = loop.start();
      progress.accept(
          "load: %s req/s for %s, sampled every %s"
              .formatted(options.rate(), options.length(), options.samplePeriod()));
      for (int i = 1; i <= periods; i++) {
        Clocks.sleepUntilMicros(start + i * period);
        taken.add(resources.sample());
        progress.accept(
            "sample %d/%d: %d answered, %d failed"
                .formatted(i, periods, outcomes.answeredTotal(), outcomes.failedTotal()));
      }
      sending.join();
      long drainEnd =
          Phases.drain(
              () -> outcomes.answeredTotal() + outcomes.failedTotal() >= loop.sent(), DRAIN_LIMIT);
      refresher.stop();
      for (int i = 0; i < taken.size(); i++) {
        Map<SampleTable.Series, Double> row = new LinkedHashMap<>();
        if (i > 0) {
          row.putAll(load(completions, loop.sent(), start + (i - 1) * period, period, drainEnd));
        }
        row.putAll(taken.get(i));
        samples.add(i * period / 60e6, row);
      }
      Map<Operation, RequestCounts> requests = new EnumMap<>(Operation.class);
      Map<Operation, Histogram> latencies = latencyByOperation(completions, loop.sent());
      for (Operation operation : Operation.values()) {
        requests.put(operation, outcomes.counts(operation, latencies.get(operation)));
      }
      return new SoakResult(
          startedAt,
          options,
          samples,
          requests,
          loop.sent() - outcomes.answeredTotal() - outcomes.failedTotal(),
          outcomes.firstFailures(),
          refresher.refreshed(),
          refresher.failed(),
          settings,
          target.brokerVersion());
    }
  }

  private static Map<SampleTable.Series, Double> load(
      Completions completions, int sent, long from, long period, long drainEnd) {
    WindowLatency window = WindowLatency.of(completions, sent, from, from + period, drainEnd);
    return Map.of(
        new SampleTable.Series(Resources.THROUGHPUT, "answers"),
        window.doneInWindow() / (period / 1e6),
        new SampleTable.Series(Resources.LATENCY, "p50"),
        window.percentileMs(50),
        new SampleTable.Series(Resources.LATENCY, "p99"),
        window.percentileMs(99));
  }

  /** Each operation's answered requests' latency (µs), over the whole soak. */
  private static Map<Operation, Histogram> latencyByOperation(Completions completions, int sent) {
    Map<Operation, Histogram> latencies = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      latencies.put(operation, new Histogram(3_600_000_000L, 3));
    }
    for (int seq = 0; seq < sent; seq++) {
      long done = completions.doneAt(seq);
      if (done != 0) {
        latencies
            .get(Operation.MIX.get(seq % Operation.MIX.size()))
            .recordValue(Math.max(1, done - completions.intendedAt(seq)));
      }
    }
    return latencies;
  }

  private static List<Account> signUp(GatewayCalls calls, int count) {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(Traffic.signUp(calls).join());
    }
    return accounts;
  }

  private static Map<String, Long> pids(RunningSystem system) {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String service : RunningSystem.SERVICES) {
      pids.put(
          service,
          system
              .pidOf(service)
              .orElseThrow(() -> new IllegalStateException("no process of " + service)));
    }
    return pids;
  }
}
