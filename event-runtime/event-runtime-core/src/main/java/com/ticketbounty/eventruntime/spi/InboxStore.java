package com.ticketbounty.eventruntime.spi;

import java.util.UUID;

/** Records which events each subscription has processed, so that a redelivery is dropped. */
public interface InboxStore {

  /**
   * Runs {@code work} unless {@code (subscription, eventId)} is already recorded, and records it in
   * the same transaction. A concurrent duplicate waits for the first and is then dropped; if {@code
   * work} throws, nothing is recorded and the exception propagates.
   *
   * @return {@code false} when the event had already been processed
   */
  boolean processOnce(String subscription, UUID eventId, Work work) throws Exception;

  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }
}
