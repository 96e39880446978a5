package com.ticketbounty.eventruntime;

/**
 * Handles one delivered event. It runs to completion at most once per (subscription, event id): a
 * handler that throws is called again on redelivery, and a crash after its side effect but before
 * the delivery is recorded calls it again too, so side effects must be idempotent — pass {@link
 * Delivery#idempotencyKey()} to the provider.
 *
 * @param <T> the contract record it reads
 */
@FunctionalInterface
public interface EventHandler<T> {
  void handle(Delivery<T> delivery) throws Exception;

  /**
   * What a handler receives.
   *
   * @param subscription the id of the subscription being served
   * @param event the event as it travelled
   * @param data its payload, read as the subscription's contract
   */
  record Delivery<T>(String subscription, EventEnvelope event, T data) {
    /** A key stable across redeliveries of this event to this subscription. */
    public String idempotencyKey() {
      return subscription + ":" + event.id();
    }
  }
}
