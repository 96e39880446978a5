package com.ticketbounty.eventruntime.function;

/**
 * Raised inside the function body when a step has failed for good (its retries used up, or a {@link
 * com.ticketbounty.eventruntime.NonRetriableException}). The body may catch it and go on; if it
 * does not, the run fails and the function's failure handler runs. On later attempts and replays
 * the same step raises it again from its record, without running.
 */
public class StepFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String stepId;

  public StepFailedException(String stepId, String error) {
    super("step " + stepId + " failed: " + error);
    this.stepId = stepId;
  }

  public String stepId() {
    return stepId;
  }
}
