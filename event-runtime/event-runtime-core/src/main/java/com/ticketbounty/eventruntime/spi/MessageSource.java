package com.ticketbounty.eventruntime.spi;

import java.util.List;
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

  /**
   * A handler that can also take several messages at once — the deliveries already waiting on one
   * queue — so that it does their work together (one transaction for all of them). A transport may
   * call either method; one that batches settles each message as its own outcome says, none before
   * all the batch's outcomes are known. Each message's headers carry its own trace context ({@code
   * traceparent}): when the transport makes a span per message, that span's.
   */
  interface BatchHandler extends Handler {

    /**
     * @return one outcome per message, in the order of {@code messages}
     */
    List<Outcome> handleAll(List<InboundMessage> messages);
  }
}
