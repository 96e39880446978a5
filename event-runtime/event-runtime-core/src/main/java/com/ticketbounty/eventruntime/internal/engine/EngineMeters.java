package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.spi.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The engine's meters (docs/event-runtime.md). Without a registry every call returns at once. The
 * step tag is the step id without a loop index ({@code send:3} is {@code send}), so the number of
 * series stays bounded by the code, not the data.
 */
final class EngineMeters {
  private static final Duration[] RUN_BUCKETS = {
    Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5),
    Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
    Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1)
  };
  private static final Duration[] STEP_BUCKETS = {
    Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(10), Duration.ofSeconds(30),
    Duration.ofMinutes(2)
  };

  private final @Nullable MeterRegistry registry;
  // Registered once per series and kept: a registry lookup per increment costs more than the
  // increment. The tags are bounded by the code (functions, steps, statuses), so are these maps.
  private final Map<Series, Counter> runCounters = new ConcurrentHashMap<>();
  private final Map<String, Timer> runTimers = new ConcurrentHashMap<>();
  private final Map<Series, Timer> stepTimers = new ConcurrentHashMap<>();
  private final Map<Series, Counter> retryCounters = new ConcurrentHashMap<>();
  private final Map<String, Timer> concurrencyTimers = new ConcurrentHashMap<>();

  EngineMeters(@Nullable MeterRegistry registry) {
    this.registry = registry;
  }

  /** A function's series of one status or step. */
  private record Series(String functionId, String tag) {}

  /** A run that finished: completed, failed or cancelled, {@code duration} after it was created. */
  void runEnded(String functionId, RunStatus status, @Nullable Duration duration) {
    MeterRegistry meters = registry;
    if (meters == null || !status.finished()) {
      return;
    }
    runCounters
        .computeIfAbsent(
            new Series(functionId, status.name().toLowerCase(Locale.ROOT)),
            series ->
                Counter.builder("eventruntime.runs")
                    .description("Runs that finished, by function and status")
                    .tag("function", functionId)
                    .tag("status", series.tag())
                    .register(meters))
        .increment();
    if (duration != null && !duration.isNegative()) {
      runTimers
          .computeIfAbsent(
              functionId,
              id ->
                  Timer.builder("eventruntime.run.duration")
                      .description("From a run's creation to its end")
                      .tag("function", id)
                      .serviceLevelObjectives(RUN_BUCKETS)
                      .register(meters))
          .record(duration);
    }
  }

  void stepExecuted(String functionId, String stepKey, Duration duration) {
    MeterRegistry meters = registry;
    if (meters == null) {
      return;
    }
    stepTimers
        .computeIfAbsent(
            new Series(functionId, stepTag(stepKey)),
            series ->
                Timer.builder("eventruntime.step.duration")
                    .description("One execution of a step body")
                    .tag("function", functionId)
                    .tag("step", series.tag())
                    .serviceLevelObjectives(STEP_BUCKETS)
                    .register(meters))
        .record(duration);
  }

  void stepRetried(String functionId, String stepKey) {
    MeterRegistry meters = registry;
    if (meters == null) {
      return;
    }
    retryCounters
        .computeIfAbsent(
            new Series(functionId, stepTag(stepKey)),
            series ->
                Counter.builder("eventruntime.step.retries")
                    .description("Step executions that failed and will be tried again")
                    .tag("function", functionId)
                    .tag("step", series.tag())
                    .register(meters))
        .increment();
  }

  void concurrencyWait(String functionId, Duration waited) {
    MeterRegistry meters = registry;
    if (meters == null || waited.isNegative()) {
      return;
    }
    concurrencyTimers
        .computeIfAbsent(
            functionId,
            id ->
                Timer.builder("eventruntime.concurrency.wait")
                    .description(
                        "How long a due run of a limited function waited for a concurrency slot")
                    .tag("function", id)
                    .serviceLevelObjectives(RUN_BUCKETS)
                    .register(meters))
        .record(waited);
  }

  /** The step id of a memo key: a loop's {@code id:n} counts as {@code id}. */
  static String stepTag(String key) {
    int colon = key.lastIndexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }
}
