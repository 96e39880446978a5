package com.ticketbounty.eventruntime.spi;

import java.util.Set;

/** The transport's consuming side. */
public interface MessageSource extends AutoCloseable {

  /**
   * Declares the subscription's durable queue (and its dead-letter queue), binds it to {@code
   * eventName} and starts delivering to {@code handler}. The message is settled only after the
   * handler returns, as its {@link Outcome} says, so a crash before that redelivers it.
   */
  default void subscribe(String subscriptionId, String eventName, Handler handler) {
    subscribe(subscriptionId, Set.of(eventName), handler);
  }

  /**
   * Like {@link #subscribe(String, String, Handler)}, with one queue bound to several event names
   * (a durable function's triggers and the events it waits for).
   */
  void subscribe(String subscriptionId, Set<String> eventNames, Handler handler);

  /** Stops taking deliveries; messages not yet settled are redelivered by the broker later. */
  @Override
  void close();

  @FunctionalInterface
  interface Handler {
    Outcome handle(InboundMessage message);
  }
}
