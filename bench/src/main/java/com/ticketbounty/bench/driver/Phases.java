package com.ticketbounty.bench.driver;

import com.rabbitmq.client.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one subject at one offered rate: a fresh database ({@code bench_<kind>_<n>}, dropped after)
 * and fresh queues, the subject's own JVM, warm-up, the measured window, then a bounded drain.
 */
public final class Phases {
  private static final Logger LOG = LoggerFactory.getLogger(Phases.class);
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  private final Postgres postgres;
  private final Broker broker;
  private final Path logs;
  private final String runId;
  private final AtomicInteger counter = new AtomicInteger();

  public Phases(Postgres postgres, Broker broker, Path logs, String runId) {
    this.postgres = postgres;
    this.broker = broker;
    this.logs = logs;
    this.runId = runId;
  }

  public PhaseResult run(SubjectSpec spec, double rate, Timing timing) throws Exception {
    int n = counter.incrementAndGet();
    String database = "bench_" + spec.kind().replace('-', '_') + "_" + n;
    String prefix = "bench" + runId + "-" + n + ".";
    int steps = Integer.parseInt(spec.args().getOrDefault("steps", "3"));
    LOG.info("{} at {}/s ({} steps): database {}", spec.label(), rate, steps, database);
    postgres.create(database);
    String queue = prefix + "unknown";
    try (SubjectProcess subject =
        SubjectProcess.launch(
            spec,
            Map.of("db", database, "prefix", prefix),
            logs.resolve(
                "%02d-%s-%s.log".formatted(n, spec.label().replace('@', '-'), (int) rate)))) {
      queue = subject.awaitReady(START_LIMIT);
      return measure(spec, steps, rate, timing, subject, database, prefix, queue);
    } catch (IllegalStateException e) {
      LOG.warn("{} at {}/s failed: {}", spec.label(), rate, e.getMessage());
      return PhaseResult.failed(spec.label(), steps, rate, e.getMessage());
    } finally {
      broker.delete(prefix, queue);
      postgres.drop(database);
    }
  }

  private PhaseResult measure(
      SubjectSpec spec,
      int steps,
      double rate,
      Timing timing,
      SubjectProcess subject,
      String database,
      String prefix,
      String queue)
      throws Exception {
    double seconds = (timing.warmup().toMillis() + timing.measure().toMillis()) / 1000.0;
    int count = (int) Math.ceil(rate * seconds);
    Completions completions = new Completions(count);
    subject.feed(completions);
    try (Channel channel = broker.publisher(prefix + "events")) {
      OpenLoop loop =
          new OpenLoop(rate, count, completions, new EventPublisher(channel, prefix + "events"));
      Thread publisher = loop.start();
      Clocks.sleepUntilMicros(loop.windowStartMicros(timing));
      Sample first =
          Sample.take(subject, postgres, database, broker, queue, loop.sent(), completions);
      Clocks.sleepUntilMicros(loop.windowEndMicros(timing));
      Sample last =
          Sample.take(subject, postgres, database, broker, queue, loop.sent(), completions);
      publisher.join(timing.drainLimit().toMillis() + 30_000);
      long drainEnd = drain(() -> completions.completed() >= loop.sent(), timing.drainLimit());
      return result(spec, steps, rate, timing, completions, loop.sent(), first, last, drainEnd);
    }
  }

  /** Waits until {@code done} or the limit passed; answers when it stopped (epoch µs). */
  public static long drain(BooleanSupplier done, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return Clocks.wallMicros();
  }

  private static PhaseResult result(
      SubjectSpec spec,
      int steps,
      double rate,
      Timing timing,
      Completions completions,
      int sent,
      Sample first,
      Sample last,
      long drainEnd) {
    WindowLatency latency =
        WindowLatency.of(completions, sent, first.atMicros(), last.atMicros(), drainEnd);
    long doneInWindow = latency.doneInWindow();
    double window = (last.atMicros() - first.atMicros()) / 1e6;
    double runs = Math.max(1, doneInWindow);
    long growth = last.backlog() - first.backlog();
    double completedPerSecond = doneInWindow / window;
    // Flat: it kept pace, its backlog did not grow, and what is left is under a second's worth
    // (a subject still catching up on its warm-up, however fast, is not keeping up).
    boolean sustained =
        completedPerSecond >= 0.95 * rate
            && growth <= Math.max(20, 0.02 * rate * window)
            && last.backlog() <= Math.max(50, rate);
    return new PhaseResult(
        spec.label(),
        steps,
        rate,
        window,
        sent,
        completions.completed(),
        sent - completions.completed(),
        completions.duplicates(),
        latency.windowEvents(),
        completedPerSecond,
        latency.percentileMs(50),
        latency.percentileMs(99),
        latency.percentileMs(99.9),
        latency.maxMs(),
        latency.atLeast(),
        first.backlog(),
        last.backlog(),
        last.queueDepth(),
        sustained,
        (last.commits() - first.commits()) / runs,
        (last.walBytes() - first.walBytes()) / runs,
        (last.subjectCpuMillis() - first.subjectCpuMillis()) / runs,
        (last.postgresCpuMillis() - first.postgresCpuMillis()) / runs,
        (last.rabbitCpuMillis() - first.rabbitCpuMillis()) / runs,
        null);
  }
}
