package com.ticketbounty.eventruntime.telemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The names the runtime's spans, attributes and MDC keys use (docs/event-runtime.md, "Traces,
 * metrics and logs"). Spans carry ids and outcomes only: never event data, step output, headers or
 * exception messages.
 */
public final class TelemetryNames {
  /** The instrumentation scope of every span the runtime makes. */
  public static final String SCOPE = "com.ticketbounty.eventruntime";

  public static final AttributeKey<String> FUNCTION_ID =
      AttributeKey.stringKey("eventruntime.function.id");
  public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("eventruntime.run.id");
  public static final AttributeKey<String> STEP_ID = AttributeKey.stringKey("eventruntime.step.id");
  public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("eventruntime.attempt");
  public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("eventruntime.outcome");
  public static final AttributeKey<String> MESSAGING_SYSTEM =
      AttributeKey.stringKey("messaging.system");
  public static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  public static final AttributeKey<String> MESSAGE_ID =
      AttributeKey.stringKey("messaging.message.id");
  public static final String RABBITMQ = "rabbitmq";

  /** MDC keys, set while an attempt (and a step, on its own thread) executes. */
  public static final String MDC_TRACE_ID = "traceId";

  public static final String MDC_SPAN_ID = "spanId";
  public static final String MDC_FUNCTION_ID = "functionId";
  public static final String MDC_RUN_ID = "runId";
  public static final String MDC_STEP_ID = "stepId";

  private TelemetryNames() {}
}
