package com.ticketbounty.eventruntime.stream;

import com.rabbitmq.client.AMQP;
import com.ticketbounty.eventruntime.rabbitmq.AmqpMessages;
import com.ticketbounty.eventruntime.rabbitmq.DeadLetterPublisher;
import com.ticketbounty.eventruntime.rabbitmq.RedeliveryBackoff;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.MessageSource;
import com.ticketbounty.eventruntime.spi.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.messaging.Message;

/**
 * One projection's deliveries through the binder, settled as the runtime's consumer settles them
 * ({@code Settlement} in event-runtime-rabbitmq): processed or a dropped duplicate returns, so the
 * binder acks; a message that can never be read is republished to the queue's dead-letter queue
 * with its reason, confirmed, then acked; a failure waits the redelivery back-off and throws, and
 * the binder hands the message back to the queue ({@code requeue-rejected}, no in-process retries),
 * where the quorum queue's delivery limit ends one that never succeeds.
 *
 * <p>The binder gives each projection a listener thread of its own; {@code permits}, shared by all
 * projections of the service, bounds how many handle a message at once, so the JDBC connections
 * they hold stay within the pool's budget ({@code event-runtime.consumer.threads}).
 */
final class BinderDeliveries implements Consumer<Message<byte[]>> {
  private static final Logger LOG = LoggerFactory.getLogger(BinderDeliveries.class);
  private static final DefaultMessagePropertiesConverter PROPERTIES =
      new DefaultMessagePropertiesConverter();

  private final String queue;
  private final MessageSource.Handler handler;
  private final DeadLetterPublisher deadLetters;
  private final Semaphore permits;
  private final BooleanSupplier stopping;

  BinderDeliveries(
      String queue,
      MessageSource.Handler handler,
      DeadLetterPublisher deadLetters,
      Semaphore permits,
      BooleanSupplier stopping) {
    this.queue = queue;
    this.handler = handler;
    this.deadLetters = deadLetters;
    this.permits = permits;
    this.stopping = stopping;
  }

  @Override
  public void accept(Message<byte[]> message) {
    org.springframework.amqp.core.Message raw = StaticMessageHeaderAccessor.getSourceData(message);
    if (raw == null) {
      throw new IllegalStateException(
          "no AMQP message behind a delivery to " + queue + "; is the Rabbit binder in use?");
    }
    MessageProperties properties = raw.getMessageProperties();
    InboundMessage inbound =
        new InboundMessage(
            raw.getBody(),
            AmqpMessages.stringHeaders(properties.getHeaders()),
            Boolean.TRUE.equals(properties.isRedelivered()));
    Outcome outcome = handle(inbound);
    if (outcome instanceof Outcome.Processed) {
      return;
    }
    if (outcome instanceof Outcome.DeadLetter deadLetter) {
      AMQP.BasicProperties original =
          PROPERTIES.fromMessageProperties(properties, StandardCharsets.UTF_8.name());
      if (deadLetters.publish(original, raw.getBody(), deadLetter.reason())) {
        return;
      }
      throw new RedeliverException("dead-lettering failed; delivered again");
    }
    RedeliveryBackoff.pause(properties.getHeaders(), stopping);
    throw new RedeliverException(((Outcome.Retry) outcome).reason());
  }

  private Outcome handle(InboundMessage inbound) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Retry("interrupted");
    }
    try {
      return handler.handle(inbound);
    } catch (RuntimeException e) {
      LOG.error("Handler of {} threw; the message will be delivered again", queue, e);
      return new Outcome.Retry(e.toString());
    } finally {
      permits.release();
    }
  }

  /** Makes the binder hand the message back to its queue. */
  static final class RedeliverException extends RuntimeException {
    RedeliverException(String reason) {
      super(reason);
    }
  }
}
