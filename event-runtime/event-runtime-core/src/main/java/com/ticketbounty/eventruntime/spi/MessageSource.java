package com.ticketbounty.eventruntime.spi;

/** The transport's consuming side. */
public interface MessageSource extends AutoCloseable {

  /**
   * Declares the subscription's durable queue (and its dead-letter queue), binds it to {@code
   * eventName} and starts delivering to {@code handler}. The message is settled only after the
   * handler returns, as its {@link Outcome} says, so a crash before that redelivers it.
   */
  void subscribe(String subscriptionId, String eventName, Handler handler);

  /** Stops taking deliveries; messages not yet settled are redelivered by the broker later. */
  @Override
  void close();

  @FunctionalInterface
  interface Handler {
    Outcome handle(InboundMessage message);
  }
}
