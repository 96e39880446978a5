package com.ticketbounty.bench.driver;

import org.jspecify.annotations.Nullable;

/**
 * One subject at one offered rate. Latency covers the events meant to be sent inside the window; an
 * event still unfinished when the drain ended counts with its age then, and {@code latencyAtLeast}
 * says so (the percentiles are then lower bounds). Per-run figures divide the window's counter
 * differences by the runs completed inside the window.
 */
public record PhaseResult(
    String subject,
    int steps,
    double offeredPerSecond,
    double windowSeconds,
    long sent,
    long completed,
    long lost,
    long duplicates,
    long windowEvents,
    double completedPerSecond,
    double p50Ms,
    double p99Ms,
    double p999Ms,
    double maxMs,
    boolean latencyAtLeast,
    long backlogStart,
    long backlogEnd,
    long queueDepthEnd,
    boolean sustained,
    double commitsPerRun,
    double walBytesPerRun,
    double subjectCpuMsPerRun,
    double postgresCpuMsPerRun,
    double rabbitCpuMsPerRun,
    @Nullable String error) {

  static PhaseResult failed(String subject, int steps, double rate, String error) {
    return new PhaseResult(
        subject, steps, rate, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, false, 0, 0, 0, 0, 0,
        error);
  }

  public boolean ok() {
    return error == null;
  }

  public double cpuMsPerRun() {
    return subjectCpuMsPerRun + postgresCpuMsPerRun + rabbitCpuMsPerRun;
  }
}
