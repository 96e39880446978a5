package com.ticketbounty.reliability.soak;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/** Requests sent and answered per operation, and the first few failures, word for word. */
final class Outcomes {
  private static final int KEPT_FAILURES = 10;

  private final Map<Operation, AtomicLong> sent = counters();
  private final Map<Operation, AtomicLong> answered = counters();
  private final Map<Operation, AtomicLong> failed = counters();
  private final List<String> firstFailures = new ArrayList<>();

  void sent(Operation operation) {
    sent.get(operation).incrementAndGet();
  }

  void answered(Operation operation) {
    answered.get(operation).incrementAndGet();
  }

  void failed(Operation operation, String why) {
    failed.get(operation).incrementAndGet();
    synchronized (firstFailures) {
      if (firstFailures.size() < KEPT_FAILURES) {
        firstFailures.add(operation.description() + ": " + why);
      }
    }
  }

  /** The operation's counts, with the latency of its answered requests in {@code latency}. */
  RequestCounts counts(Operation operation, Histogram latency) {
    return new RequestCounts(
        sent.get(operation).get(),
        answered.get(operation).get(),
        failed.get(operation).get(),
        latency.getValueAtPercentile(50) / 1000.0,
        latency.getValueAtPercentile(99) / 1000.0,
        latency.getMaxValue() / 1000.0);
  }

  long failedTotal() {
    return failed.values().stream().mapToLong(AtomicLong::get).sum();
  }

  long answeredTotal() {
    return answered.values().stream().mapToLong(AtomicLong::get).sum();
  }

  List<String> firstFailures() {
    synchronized (firstFailures) {
      return List.copyOf(firstFailures);
    }
  }

  private static Map<Operation, AtomicLong> counters() {
    Map<Operation, AtomicLong> counters = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      counters.put(operation, new AtomicLong());
    }
    return counters;
  }
}
