package com.ticketbounty.eventruntime.telemetry;

import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RuntimeCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges read from the store: {@code eventruntime.runs.waiting{function,status}}, {@code
 * eventruntime.dead.letters{queue}} and {@code eventruntime.outbox.backlog}. A scrape reads the
 * values of the last refresh; refreshing (three counting statements) happens on a thread of its own
 * every {@code every}, never on a run's path. A known function shows 0 in each waiting status
 * rather than no series, so that an alert on it has a value to compare.
 */
public final class RuntimeGauges implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeGauges.class);
  private static final List<RunStatus> WAITING =
      List.of(RunStatus.QUEUED, RunStatus.SLEEPING, RunStatus.WAITING);

  private final RuntimeCounts counts;
  private final List<String> functions;
  private final MultiGauge waiting;
  private final MultiGauge deadLetters;
  private final AtomicLong backlog = new AtomicLong();
  private @Nullable ScheduledExecutorService timer;

  private RuntimeGauges(
      MeterRegistry registry, RuntimeCounts counts, Collection<String> functions) {
    this.counts = counts;
    this.functions = List.copyOf(functions);
    this.waiting =
        MultiGauge.builder("eventruntime.runs.waiting")
            .description("Runs waiting to be executed, by function and status")
            .register(registry);
    this.deadLetters =
        MultiGauge.builder("eventruntime.dead.letters")
            .description("Dead letters not yet redriven, by queue")
            .register(registry);
    Gauge.builder("eventruntime.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet published")
        .register(registry);
  }

  /**
   * Registers the gauges, reads them once, and refreshes them every {@code every} on a daemon
   * thread until closed.
   *
   * @param functions the functions whose waiting runs show 0 when there are none
   */
  public static RuntimeGauges start(
      MeterRegistry registry, RuntimeCounts counts, Collection<String> functions, Duration every) {
    RuntimeGauges gauges = new RuntimeGauges(registry, counts, functions);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "eventruntime-gauges");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        gauges::refreshGuarded, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    gauges.timer = timer;
    return gauges;
  }

  /** Registers the gauges without a refresh thread: the caller calls {@link #refresh()}. */
  public static RuntimeGauges register(
      MeterRegistry registry, RuntimeCounts counts, Collection<String> functions) {
    return new RuntimeGauges(registry, counts, functions);
  }

  /** Reads the counts now and shows them. */
  public void refresh() {
    Map<Tags, Long> byTags = new LinkedHashMap<>();
    for (String function : functions) {
      for (RunStatus status : WAITING) {
        byTags.put(tags(function, status), 0L);
      }
    }
    counts.waitingRuns().forEach(c -> byTags.put(tags(c.functionId(), c.status()), c.count()));
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    byTags.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
    waiting.register(rows, true);
    List<MultiGauge.Row<?>> letters = new ArrayList<>();
    counts
        .deadLetters()
        .forEach((queue, n) -> letters.add(MultiGauge.Row.of(Tags.of("queue", queue), n)));
    deadLetters.register(letters, true);
    backlog.set(counts.outboxBacklog());
  }

  private void refreshGuarded() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.debug(
          "Reading the runtime's gauges failed; they keep their last values: {}", e.toString());
    }
  }

  private static Tags tags(String function, RunStatus status) {
    return Tags.of("function", function, "status", status.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
