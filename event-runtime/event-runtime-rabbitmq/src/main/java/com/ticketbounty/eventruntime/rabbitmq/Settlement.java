package com.ticketbounty.eventruntime.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.MessageSource.Handler;
import com.ticketbounty.eventruntime.spi.Outcome;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the handler for one delivery, in a worker thread, and settles the delivery as its outcome
 * says. A message is acked only after its outcome is done; anything else — a crash, a lost channel,
 * a failed dead-letter publish — leaves it to be delivered again, and the quorum queue's delivery
 * limit ends a message that never succeeds in the dead-letter queue.
 */
final class Settlement {
  private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);

  private final String queue;
  private final Handler handler;
  private final DeadLetterPublisher deadLetters;
  private final BooleanSupplier stopping;
  private final ProcessSpans spans;

  Settlement(
      String queue,
      Handler handler,
      DeadLetterPublisher deadLetters,
      BooleanSupplier stopping,
      ProcessSpans spans) {
    this.queue = queue;
    this.handler = handler;
    this.deadLetters = deadLetters;
    this.stopping = stopping;
    this.spans = spans;
  }

  void handle(
      Channel channel, long deliveryTag, AMQP.BasicProperties properties, InboundMessage m) {
    if (stopping.getAsBoolean()) {
      return; // shutting down: not started, so left unacked for redelivery
    }
    Outcome outcome;
    Span span = spans.start(properties, m);
    try (Scope _ = span.makeCurrent()) {
      outcome = handler.handle(m);
      ProcessSpans.end(span, outcome, null);
    } catch (RuntimeException | Error e) {
      ProcessSpans.end(span, null, e);
      LOG.error("Handler of {} threw; the message will be delivered again", queue, e);
      outcome = new Outcome.Retry(e.toString());
    }
    try {
      if (outcome instanceof Outcome.Retry) {
        RedeliveryBackoff.pause(properties.getHeaders(), stopping);
      }
      settle(channel, deliveryTag, properties, m.body(), outcome);
    } catch (IOException | ShutdownSignalException e) {
      LOG.info(
          "Could not settle a message of {} ({}); the broker redelivers it", queue, e.toString());
    }
  }

  /**
   * Settles one delivery as its outcome says (a retried one without its back-off: the caller pauses
   * first).
   */
  void settle(
      Channel channel,
      long deliveryTag,
      AMQP.BasicProperties properties,
      byte[] body,
      Outcome outcome)
      throws IOException {
    if (outcome instanceof Outcome.Processed) {
      channel.basicAck(deliveryTag, false);
    } else if (outcome instanceof Outcome.Retry) {
      channel.basicNack(deliveryTag, false, true);
    } else if (outcome instanceof Outcome.DeadLetter deadLetter) {
      if (deadLetters.publish(properties, body, deadLetter.reason())) {
        channel.basicAck(deliveryTag, false);
      } else {
        channel.basicNack(deliveryTag, false, true);
      }
    }
  }

  void close() {
    deadLetters.close();
  }
}
