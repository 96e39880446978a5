package com.ticketbounty.eventruntime;

import com.ticketbounty.eventruntime.EventHandler.Delivery;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.InboxStore;
import com.ticketbounty.eventruntime.spi.MessageSource;
import com.ticketbounty.eventruntime.spi.Outcome;
import io.opentelemetry.context.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to one message of a subscription: a message that can never be read is
 * dead-lettered with its reason; a duplicate is acked without running the handler; a handler
 * failure hands the message back to the broker.
 */
public final class SubscriptionDispatcher<T> implements MessageSource.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionDispatcher.class);

  private final Subscription<T> subscription;
  private final EventCodec codec;
  private final InboxStore inbox;

  public SubscriptionDispatcher(Subscription<T> subscription, EventCodec codec, InboxStore inbox) {
    this.subscription = subscription;
    this.codec = codec;
    this.inbox = inbox;
  }

  @Override
  public Outcome handle(InboundMessage message) {
    EventEnvelope event;
    T data;
    try {
      event = codec.decode(message.body());
      if (readInAnotherMajor(event, message)) {
        return new Outcome.Processed();
      }
      checkContract(event);
      data = codec.read(event, subscription.contract());
    } catch (UndecodableEventException e) {
      LOG.warn("Dead-lettering a message for {}: {}", subscription.id(), e.getMessage());
      return new Outcome.DeadLetter(e.getMessage());
    }
    try (Scope _ = TraceHeaders.currentOr(message.headers()).makeCurrent()) {
      boolean processed =
          inbox.processOnce(
              subscription.id(),
              event.id(),
              () -> subscription.handler().handle(new Delivery<>(subscription.id(), event, data)));
      if (!processed) {
        LOG.debug("Dropped duplicate {} {} for {}", event.name(), event.id(), subscription.id());
      }
      return new Outcome.Processed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Retry("interrupted");
    } catch (Exception e) {
      LOG.warn(
          "Handler {} failed on {} {}; it will be delivered again",
          subscription.id(),
          event.name(),
          event.id(),
          e);
      return new Outcome.Retry(e.toString());
    }
  }

  /**
   * An event of another MAJOR whose producer also sent it in the one this subscription reads: the
   * handler sees that copy, so this one is acked and dropped (see {@link EventMajors}).
   */
  private boolean readInAnotherMajor(EventEnvelope event, InboundMessage message) {
    int major = subscription.version().major();
    if (!event.name().equals(subscription.eventName())
        || !EventMajors.readInItsOwnCopy(event, message.headers(), major)) {
      return false;
    }
    LOG.debug(
        "Dropped {} {} {} for {}: it is read in its {}.x copy",
        event.name(),
        event.version(),
        event.id(),
        subscription.id(),
        major);
    return true;
  }

  private void checkContract(EventEnvelope event) throws UndecodableEventException {
    if (!event.name().equals(subscription.eventName())) {
      throw new UndecodableEventException(
          "event "
              + event.name()
              + " reached "
              + subscription.id()
              + ", which reads only "
              + subscription.eventName());
    }
    SchemaVersion expected = subscription.version();
    if (event.version().major() != expected.major()) {
      throw new UndecodableEventException(
          "unknown MAJOR version "
              + event.version()
              + " of "
              + event.name()
              + "; "
              + subscription.id()
              + " reads "
              + expected.major()
              + ".x");
    }
  }
}
