package com.ticketbounty.eventruntime.outbox;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this process's outbox relays that outbox rows were just committed, so they publish them at
 * once instead of at their next poll. Every writer of outbox rows calls {@link #committed()} after
 * its transaction commits — the engine's run store, a service's transactional publisher, the
 * operations API — and every relay listens with {@link #onCommitted}: one signal per process,
 * shared by writers and relays.
 *
 * <p>It only shortens the wait: a signal that comes too early (before the rows are visible) or is
 * lost finds the rows at the relay's next poll, which is also how rows that another process wrote
 * are found.
 */
public final class OutboxSignal {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSignal.class);

  private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();

  /** Says that a transaction which wrote outbox rows has committed; wakes every listener. */
  public void committed() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // The writer's commit stands; the relay still finds the rows at its next poll.
        LOG.warn("Waking an outbox relay failed", e);
      }
    }
  }

  /**
   * Calls {@code listener} after each commit that wrote outbox rows, until the answer is closed.
   * The listener runs in the writer's thread, right after its commit: keep it short (a relay only
   * notes that it should look).
   */
  public Subscription onCommitted(Runnable listener) {
    Runnable own = listener::run; // its own identity, even for the same listener given twice
    listeners.add(own);
    return () -> listeners.remove(own);
  }

  /** Ends one {@link #onCommitted} registration. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
