package com.ticketbounty.eventruntime.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where dead letters are kept so that operators can list and redrive them: AMQP cannot browse a
 * queue, so the runtime drains each dead-letter queue into this store.
 */
public interface DeadLetterStore {

  /**
   * Keeps a dead letter. Draining is at least once, so saving the same message of the same queue
   * again while it has not been redriven keeps one record.
   */
  void save(DeadLetter letter);

  /** The dead letters not yet redriven, newest first. */
  List<Stored> list(int limit);

  Optional<Stored> find(long id);

  /**
   * Marks a dead letter redriven.
   *
   * @return false when it was already redriven (by another operator or instance)
   */
  boolean markRedriven(long id);

  /** A kept dead letter. */
  record Stored(long id, DeadLetter letter, Instant deadLetteredAt, @Nullable Instant redrivenAt) {}
}
