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

  /** Where it publishes (the exchange), for the spans of the messages it sends. */
  default String destination() {
    return "";
  }

  @Override
  void close();
}
