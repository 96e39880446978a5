package com.ticketbounty.notification.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A run of a durable function, in any service, that failed for good — what an operator needs to
 * find it, and nothing of its event's data (which may hold sealed values).
 *
 * @param service the service whose function failed
 * @param function the function's id
 * @param runId the failed run
 * @param error what went wrong
 * @param eventName the name of the event that started the run, when it had one
 * @param eventId that event's id
 */
public record FailureReport(
    String service,
    String function,
    String runId,
    String error,
    @Nullable String eventName,
    @Nullable String eventId) {
  public FailureReport {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(error, "error");
  }
}
