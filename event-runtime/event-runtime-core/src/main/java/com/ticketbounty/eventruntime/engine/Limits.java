package com.ticketbounty.eventruntime.engine;

/**
 * Sizes the engine refuses to exceed, so that one run cannot bloat the store or the broker.
 * Defaults follow Inngest's: 4 MiB per step output, 256 KiB per event, 1,000 steps per run.
 *
 * @param maxStepOutputBytes the largest memo of one step (and a run's output), in UTF-8 bytes
 * @param maxEventBytes the largest encoded event that may be sent or submitted
 * @param maxStepsPerRun how many step calls one attempt of a run may make
 */
public record Limits(int maxStepOutputBytes, int maxEventBytes, int maxStepsPerRun) {
  public static final Limits DEFAULTS = new Limits(4 * 1024 * 1024, 256 * 1024, 1000);

  public Limits {
    if (maxStepOutputBytes < 1 || maxEventBytes < 1 || maxStepsPerRun < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
