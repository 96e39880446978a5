package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.eventruntime.telemetry.TelemetryNames;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code process <event name>} span of one delivery, a child of the context the message
 * carries; {@link Settlement} makes it current while the handler runs, so the run a function
 * queue's delivery creates, or the work a subscription's handler does, is its child. A retried or
 * dead-lettered delivery ends it with an error, without the reason (it may quote the message).
 */
final class ProcessSpans {
  private final Tracer tracer;
  private final String queue;

  ProcessSpans(OpenTelemetry openTelemetry, String queue) {
    this.tracer = openTelemetry.getTracer(TelemetryNames.SCOPE);
    this.queue = queue;
  }

  Span start(AMQP.BasicProperties properties, InboundMessage message) {
    String type = properties.getType();
    SpanBuilder builder =
        tracer
            .spanBuilder("process " + (type == null ? queue : type))
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(TraceHeaders.extractFromRoot(message.headers()))
            .setAttribute(TelemetryNames.MESSAGING_SYSTEM, TelemetryNames.RABBITMQ)
            .setAttribute(TelemetryNames.DESTINATION, queue);
    if (properties.getMessageId() != null) {
      builder.setAttribute(TelemetryNames.MESSAGE_ID, properties.getMessageId());
    }
    return builder.startSpan();
  }

  static void end(Span span, @Nullable Outcome outcome, @Nullable Throwable thrown) {
    if (thrown != null) {
      span.setStatus(StatusCode.ERROR, thrown.getClass().getName());
    } else if (outcome != null && !(outcome instanceof Outcome.Processed)) {
      span.setStatus(StatusCode.ERROR, outcome.getClass().getSimpleName());
    }
    span.end();
  }
}
