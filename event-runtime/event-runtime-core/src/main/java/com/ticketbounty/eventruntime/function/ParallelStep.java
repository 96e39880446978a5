package com.ticketbounty.eventruntime.function;

import java.util.Objects;

/**
 * One of several {@code run} steps executed at once by {@link Step#parallel}; each is recorded on
 * its own, exactly like a {@code run}.
 */
public record ParallelStep<T>(String id, StepBody<T> body) {
  public ParallelStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(body, "body");
  }

  public static <T> ParallelStep<T> of(String id, StepBody<T> body) {
    return new ParallelStep<>(id, body);
  }
}
