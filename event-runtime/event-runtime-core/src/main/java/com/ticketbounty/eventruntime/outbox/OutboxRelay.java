package com.ticketbounty.eventruntime.outbox;

import com.ticketbounty.eventruntime.spi.MessagePublisher;
import com.ticketbounty.eventruntime.spi.OutboxStore;
import com.ticketbounty.eventruntime.spi.OutboxStore.Reservation;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed outbox rows to the broker. It drains while there is work, then waits for a {@link
 * #wakeUp()} (a local commit, announced by {@link OutboxSignal}) or the poll interval (another
 * instance's commit). Every failure — broker or database unreachable — leaves the rows unsent, so
 * the relay only backs off and tries again: nothing is lost, and a row may be published more than
 * once.
 *
 * <p>Pipelined: a batch is {@linkplain OutboxStore#reserve reserved} in a short transaction of its
 * own and sent; while the broker confirms it, the next batch is reserved and sent, and only then
 * are the first one's confirms awaited and the batch {@linkplain OutboxStore#settle settled}. No
 * transaction, row lock or connection is held while the broker confirms: the reservation keeps the
 * batch from other relays, and per-aggregate order holds because a reserved message keeps its
 * aggregate's later messages out of every other batch until it is settled.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final OutboxStore store;
  private final MessagePublisher publisher;
  private final RelaySettings settings;
  private final PublishSpans spans;
  private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
  private volatile boolean running;
  private @Nullable Thread thread;

  public OutboxRelay(OutboxStore store, MessagePublisher publisher, RelaySettings settings) {
    this(store, publisher, settings, OpenTelemetry.noop());
  }

  /**
   * @param openTelemetry where the {@code publish} span of each message goes: a child of the
   *     context its outbox row keeps, and the context the message carries to its consumers
   */
  public OutboxRelay(
      OutboxStore store,
      MessagePublisher publisher,
      RelaySettings settings,
      OpenTelemetry openTelemetry) {
    this.store = store;
    this.publisher = publisher;
    this.settings = settings;
    this.spans = new PublishSpans(openTelemetry, publisher);
  }

  public synchronized void start(String name) {
    if (thread != null) {
      return;
    }
    running = true;
    Thread relay = new Thread(this::loop, name);
    relay.setDaemon(true);
    thread = relay;
    relay.start();
  }

  /** Asks the relay to look at the outbox now rather than at its next poll. */
  public void wakeUp() {
    wake.offer(Boolean.TRUE);
  }

  /** Runs one drain pass in the caller's thread; for tests and for draining at shutdown. */
  public int drainOnce() throws InterruptedException {
    int total = 0;
    InFlight pending = sendNext();
    while (pending != null) {
      InFlight next;
      try {
        next = pending.full() ? sendNext() : null;
      } catch (RuntimeException | InterruptedException e) {
        settleAfterFailure(pending, e);
        throw e;
      }
      total += pending.settle();
      pending = next;
    }
    return total;
  }

  /** Reserves and sends the next batch; {@code null} when the outbox has nothing to send. */
  private @Nullable InFlight sendNext() throws InterruptedException {
    Reservation reservation = store.reserve(settings.batchSize(), settings.reserveFor());
    if (reservation.isEmpty()) {
      return null;
    }
    try {
      return new InFlight(reservation, spans.send(reservation.messages()));
    } catch (RuntimeException | InterruptedException e) {
      // Nothing of it was confirmed: give the batch back at once rather than when its reservation
      // expires. If that fails too (the database is down), the send's failure is what is thrown.
      try {
        store.settle(reservation, Set.of());
      } catch (RuntimeException settleFailure) {
        e.addSuppressed(settleFailure);
      }
      throw e;
    }
  }

  /**
   * Settles a batch already sent when the next one failed, so its confirmed messages are not sent
   * again; when that fails too (the database is down), its reservation expires instead.
   */
  private void settleAfterFailure(InFlight pending, Exception failure) {
    try {
      pending.settle();
    } catch (RuntimeException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      failure.addSuppressed(e);
    }
  }

  /** A batch sent and not yet settled. */
  private final class InFlight {
    private final Reservation reservation;
    private final MessagePublisher.Confirms confirms;

    InFlight(Reservation reservation, MessagePublisher.Confirms confirms) {
      this.reservation = reservation;
      this.confirms = confirms;
    }

    /** A full batch: there may be more to send behind it. */
    boolean full() {
      return reservation.messages().size() == settings.batchSize();
    }

    int settle() throws InterruptedException {
      return store.settle(reservation, confirms.await());
    }
  }

  private void loop() {
    Duration backoff = settings.pollInterval();
    while (running) {
      try {
        drainOnce();
        backoff = settings.pollInterval();
        wake.poll(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("Outbox relay failed; retrying in {} ms: {}", backoff.toMillis(), e.toString());
        if (!pause(backoff)) {
          return;
        }
        backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
      }
    }
  }

  private boolean pause(Duration duration) {
    try {
      wake.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Stops the relay thread; unsent rows stay in the outbox for the next start or instance. */
  @Override
  public void close() {
    Thread relay;
    synchronized (this) {
      running = false;
      relay = thread;
      thread = null;
    }
    if (relay != null) {
      relay.interrupt();
      try {
        relay.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
