package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.MessageSource.BatchHandler;
import com.ticketbounty.eventruntime.spi.Outcome;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch handler for several deliveries of one channel and settles them as their outcomes
 * say: the retried and dead-lettered ones one by one first (a nacked tag is no longer outstanding,
 * so a later multi-ack does not cover it), then every processed one with a single {@code
 * basicAck(highest, multiple)} when the batch adjoins the tags already settled. Nothing is acked
 * before the handler has answered for the whole batch; a crash or a lost channel leaves the batch
 * to be delivered again, as for a single delivery.
 */
final class BatchSettlement {
  private static final Logger LOG = LoggerFactory.getLogger(BatchSettlement.class);

  private final String queue;
  private final BatchHandler handler;
  private final Settlement single;
  private final BooleanSupplier stopping;
  private final ProcessSpans spans;

  BatchSettlement(
      String queue,
      BatchHandler handler,
      Settlement single,
      BooleanSupplier stopping,
      ProcessSpans spans) {
    this.queue = queue;
    this.handler = handler;
    this.single = single;
    this.stopping = stopping;
    this.spans = spans;
  }

  /**
   * @param multiAck whether every unsettled tag below the batch's highest is in the batch, so that
   *     its processed deliveries may be acked with one multi-ack
   * @return whether every delivery of the batch was settled (not when stopping or the channel
   *     failed)
   */
  boolean handle(Channel channel, List<Delivery> batch, boolean multiAck) {
    if (stopping.getAsBoolean()) {
      return false; // shutting down: not started, so left unacked for redelivery
    }
    List<Span> started = new ArrayList<>(batch.size());
    List<InboundMessage> messages = new ArrayList<>(batch.size());
    for (Delivery delivery : batch) {
      Span span = spans.start(delivery.properties(), delivery.message());
      started.add(span);
      messages.add(carrying(span, delivery.message()));
    }
    List<Outcome> outcomes = outcomes(messages, started);
    try {
      settle(channel, batch, outcomes, multiAck);
      return true;
    } catch (IOException | ShutdownSignalException e) {
      LOG.info(
          "Could not settle a batch of {} ({}); the broker redelivers what is unacked",
          queue,
          e.toString());
      return false;
    }
  }

  /**
   * The message with its {@code process} span as its trace context: the handler takes the batch in
   * on one thread, where no single span can be current.
   */
  private static InboundMessage carrying(Span span, InboundMessage message) {
    if (!span.getSpanContext().isValid()) {
      return message; // no tracing: the run is made under the context the message carries
    }
    return new InboundMessage(
        message.body(),
        TraceHeaders.inject(Context.root().with(span), message.headers()),
        message.redelivered());
  }

  private List<Outcome> outcomes(List<InboundMessage> messages, List<Span> started) {
    try {
      List<Outcome> outcomes = handler.handleAll(messages);
      if (outcomes.size() != messages.size()) {
        throw new IllegalStateException(
            "%d outcomes for %d messages".formatted(outcomes.size(), messages.size()));
      }
      for (int i = 0; i < outcomes.size(); i++) {
        ProcessSpans.end(started.get(i), outcomes.get(i), null);
      }
      return outcomes;
    } catch (RuntimeException | Error e) {
      started.forEach(span -> ProcessSpans.end(span, null, e));
      LOG.error("Handler of {} threw; the batch will be delivered again", queue, e);
      return Collections.nCopies(messages.size(), new Outcome.Retry(e.toString()));
    }
  }

  private void settle(
      Channel channel, List<Delivery> batch, List<Outcome> outcomes, boolean multiAck)
      throws IOException {
    pauseBeforeRetry(batch, outcomes);
    List<Long> processed = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Delivery delivery = batch.get(i);
      if (outcomes.get(i) instanceof Outcome.Processed) {
        processed.add(delivery.tag());
      } else {
        single.settle(
            channel,
            delivery.tag(),
            delivery.properties(),
            delivery.message().body(),
            outcomes.get(i));
      }
    }
    if (processed.isEmpty()) {
      return;
    }
    if (multiAck) {
      channel.basicAck(processed.getLast(), true);
    } else {
      for (long tag : processed) {
        channel.basicAck(tag, false);
      }
    }
  }

  /**
   * One back-off for the whole batch, the longest its retried deliveries call for: a store failure
   * retries every message of the batch, and pausing for each in turn would multiply the wait.
   */
  private void pauseBeforeRetry(List<Delivery> batch, List<Outcome> outcomes) {
    IntStream.range(0, batch.size())
        .filter(i -> outcomes.get(i) instanceof Outcome.Retry)
        .mapToObj(batch::get)
        .max(Comparator.comparing(d -> RedeliveryBackoff.after(d.properties().getHeaders())))
        .ifPresent(d -> RedeliveryBackoff.pause(d.properties().getHeaders(), stopping));
  }
}
