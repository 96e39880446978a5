package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.FunctionFailed;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.notification.application.AlertFunctionFailure;
import com.ticketbounty.notification.domain.FailureReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code function-failed}, the global failure handler: every {@code runtime/function.failed}, from
 * any service, becomes one structured log line ({@code log-failure}) and a Slack alert ({@code
 * alert-slack}) naming service, function, run, error and event. Only the event's name and id are
 * taken from the failed run's event, never its data, which may hold sealed values.
 *
 * <p>A failure of this handler is logged by the runtime and never published again, so an alert that
 * cannot be posted does not loop.
 */
public final class FunctionFailedFunction {
  public static final String ID = "function-failed";

  private static final Logger LOG = LoggerFactory.getLogger(FunctionFailedFunction.class);

  private final AlertFunctionFailure alertFunctionFailure;
  private final RetryPolicy retryPolicy;

  public FunctionFailedFunction(
      AlertFunctionFailure alertFunctionFailure, RetryPolicy retryPolicy) {
    this.alertFunctionFailure = alertFunctionFailure;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(FunctionFailed.class)
        .handler(this::run);
  }

  private @Nullable Object run(FunctionContext context) {
    FunctionFailed failed = context.data(FunctionFailed.class);
    FailureReport failure =
        new FailureReport(
            failed.service(),
            failed.function(),
            failed.runId(),
            failed.error(),
            field(failed.event(), "name"),
            field(failed.event(), "id"));
    // A step of its own, so that a retry of the alert does not log the failure again.
    context.step().run("log-failure", key -> log(failure));
    context
        .step()
        .run("alert-slack", key -> ProviderCalls.mapped(() -> alertFunctionFailure.alert(failure)));
    return null;
  }

  /**
   * Its fields under {@code failed.}: this run's own MDC already has {@code runId} (and a JSON log
   * line has {@code service}); the same key twice makes structured logging drop the line.
   */
  private static void log(FailureReport failure) {
    LOG.atError()
        .addKeyValue("failed.service", failure.service())
        .addKeyValue("failed.function", failure.function())
        .addKeyValue("failed.runId", failure.runId())
        .addKeyValue("failed.error", failure.error())
        .addKeyValue("failed.eventName", failure.eventName())
        .addKeyValue("failed.eventId", failure.eventId())
        .log(
            "Function failed: service={} function={} runId={} event={} {} error={}",
            failure.service(),
            failure.function(),
            failure.runId(),
            failure.eventName(),
            failure.eventId(),
            failure.error());
  }

  private static @Nullable String field(JsonNode event, String name) {
    String value = event.path(name).asString("");
    return value.isBlank() ? null : value;
  }
}
