package com.ticketbounty.eventruntime.function;

/** A {@code run} step with no result; see {@link StepBody} for the idempotency key. */
@FunctionalInterface
public interface StepAction {
  void run(String idempotencyKey) throws Exception;
}
