package com.ticketbounty.eventruntime.outbox;

import com.ticketbounty.eventruntime.spi.MessagePublisher;
import com.ticketbounty.eventruntime.spi.OutboxStore;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed outbox rows to the broker. It drains while there is work, then waits for a {@link
 * #wakeUp()} (a local commit) or the poll interval (another instance's commit). Every failure —
 * broker or database unreachable — leaves the rows unsent, so the relay only backs off and tries
 * again: nothing is lost, and a row may be published more than once.
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
    int sent;
    do {
      sent = store.relay(settings.batchSize(), spans::publish);
      total += sent;
    } while (sent == settings.batchSize());
    return total;
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
