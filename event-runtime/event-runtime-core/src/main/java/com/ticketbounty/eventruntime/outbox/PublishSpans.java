package com.ticketbounty.eventruntime.outbox;

import com.ticketbounty.eventruntime.spi.MessagePublisher;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.telemetry.TelemetryNames;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One {@code publish <event name>} span per relayed message, a child of the context its outbox row
 * keeps; the message goes out carrying this span's context instead, so its consumers are children
 * of the publish. A message the broker did not confirm ends its span with an error (it is published
 * again later, under a new span).
 */
final class PublishSpans {
  private final Tracer tracer;
  private final MessagePublisher publisher;

  PublishSpans(OpenTelemetry openTelemetry, MessagePublisher publisher) {
    this.tracer = openTelemetry.getTracer(TelemetryNames.SCOPE);
    this.publisher = publisher;
  }

  /**
   * Starts the batch's spans and sends it; the answer awaits its confirms and ends the spans (a
   * batch that fails to send ends them at once, with an error).
   */
  MessagePublisher.Confirms send(List<OutboxMessage> batch) throws InterruptedException {
    List<Span> spans = new ArrayList<>(batch.size());
    List<OutboxMessage> traced = new ArrayList<>(batch.size());
    for (OutboxMessage message : batch) {
      Context parent = TraceHeaders.extractFromRoot(message.headers());
      Span span =
          tracer
              .spanBuilder("publish " + message.eventName())
              .setSpanKind(SpanKind.PRODUCER)
              .setParent(parent)
              .setAttribute(TelemetryNames.MESSAGING_SYSTEM, TelemetryNames.RABBITMQ)
              .setAttribute(TelemetryNames.DESTINATION, publisher.destination())
              .setAttribute(TelemetryNames.MESSAGE_ID, message.eventId().toString())
              .startSpan();
      spans.add(span);
      traced.add(
          new OutboxMessage(
              message.eventId(),
              message.eventName(),
              message.aggregateKey(),
              message.body(),
              TraceHeaders.inject(parent.with(span), message.headers())));
    }
    MessagePublisher.Confirms confirms;
    try {
      confirms = publisher.send(traced);
    } catch (InterruptedException | RuntimeException e) {
      end(batch, spans, Set.of());
      throw e;
    }
    return () -> {
      Set<UUID> confirmed = Set.of();
      try {
        confirmed = confirms.await();
        return confirmed;
      } finally {
        end(batch, spans, confirmed);
      }
    };
  }

  private static void end(List<OutboxMessage> batch, List<Span> spans, Set<UUID> confirmed) {
    for (int i = 0; i < spans.size(); i++) {
      if (!confirmed.contains(batch.get(i).eventId())) {
        spans.get(i).setStatus(StatusCode.ERROR, "unconfirmed");
      }
      spans.get(i).end();
    }
  }
}
