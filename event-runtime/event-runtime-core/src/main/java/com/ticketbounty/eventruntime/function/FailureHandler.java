package com.ticketbounty.eventruntime.function;

/**
 * A function's {@code onFailure}: runs once after the run failed for good, as a durable run of its
 * own (its steps are recorded and retried like any). Besides it, the runtime publishes {@code
 * runtime/function.failed} for the service's global failure handler.
 */
@FunctionalInterface
public interface FailureHandler {
  void onFailure(FunctionFailure failure, Step step) throws Exception;
}
