package com.ticketbounty.eventruntime.spi;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The transport's publishing side. */
public interface MessagePublisher extends AutoCloseable {

  /**
   * Publishes the batch in order, waiting for the broker's confirms, and answers the ids it
   * confirmed. Messages it could not confirm (nack, timeout, lost connection) are simply absent:
   * the caller keeps them to publish again.
   */
  Set<UUID> publish(List<OutboxMessage> batch) throws InterruptedException;

  /**
   * Sends the batch in order without waiting for the broker's confirms, which the answer awaits:
   * the relay sends its next batch while the broker confirms this one. Batches are sent in the
   * order of the calls. By default it publishes at once and answers what {@link #publish} did.
   */
  default Confirms send(List<OutboxMessage> batch) throws InterruptedException {
    Set<UUID> confirmed = publish(batch);
    return () -> confirmed;
  }

  /** Where it publishes (the exchange), for the spans of the messages it sends. */
  default String destination() {
    return "";
  }

  @Override
  void close();

  /** The broker's answer to one {@linkplain #send sent} batch. */
  @FunctionalInterface
  interface Confirms {
    /**
     * Waits for the batch's confirms (bounded by the transport's confirm timeout) and answers the
     * ids confirmed, like {@link #publish}.
     */
    Set<UUID> await() throws InterruptedException;
  }
}
