package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.RunStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for {@value #CHANNEL}, which the runs table's triggers send (migration V10) when a write
 * makes a run claimable now, and wakes its subscribers. One thread and one connection of the
 * store's pool, held while anyone subscribes, however many engines share the store.
 *
 * <p>The connection is the pool's own, so the pool's settings (credentials, TLS) apply; it is taken
 * for as long as the listener runs, which is why the starter counts it in the pool's size. When it
 * breaks (the server restarted, the backend was terminated, the network dropped), the listener logs
 * it, takes another after a pause that doubles from {@link #FIRST_PAUSE} to {@link #LONGEST_PAUSE},
 * and wakes its subscribers once it listens again, since what was announced meanwhile is lost. It
 * never stops on an error; only the last subscription's close stops it.
 */
final class DueListener {
  static final String CHANNEL = "event_runtime_due";
  static final Duration FIRST_PAUSE = Duration.ofMillis(250);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(DueListener.class);
  // How long one wait for notifications blocks: bounds how long a close waits for the thread.
  private static final int WAIT_MILLIS = 200;
  // A connection that hears nothing this long is checked: a silent network drop raises no error.
  private static final long CHECK_QUIET_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final DataSource dataSource;
  private final Set<Runnable> subscribers = new CopyOnWriteArraySet<>();
  private @Nullable Listening running;

  DueListener(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  synchronized RunStore.Subscription subscribe(Runnable wake) {
    Runnable subscriber = wake::run; // its own identity, even for the same wake given twice
    subscribers.add(subscriber);
    if (running == null) {
      Listening listening = new Listening();
      Thread thread = new Thread(listening, "event-runtime-due-listener");
      thread.setDaemon(true);
      listening.thread = thread;
      running = listening;
      thread.start();
    }
    return () -> unsubscribe(subscriber);
  }

  private void unsubscribe(Runnable subscriber) {
    Listening stopping;
    synchronized (this) {
      if (!subscribers.remove(subscriber) || !subscribers.isEmpty() || running == null) {
        return;
      }
      stopping = running;
      running = null;
    }
    stopping.stop();
  }

  private void wakeAll() {
    for (Runnable subscriber : subscribers) {
      try {
        subscriber.run();
      } catch (RuntimeException e) {
        LOG.warn("Waking an engine for due runs failed", e);
      }
    }
  }

  /** One listening thread's life; a later subscribe after a stop starts a new one. */
  private final class Listening implements Runnable {
    private volatile boolean stopped;
    private @Nullable Thread thread;

    @Override
    public void run() {
      Duration pause = FIRST_PAUSE;
      boolean reconnecting = false;
      while (!stopped) {
        try (Connection connection = dataSource.getConnection()) {
          listen(connection, reconnecting);
        } catch (SQLException | RuntimeException e) {
          if (stopped) {
            return;
          }
          LOG.warn(
              "Listening for due runs failed ({}); listening again in {} ms, polling meanwhile",
              e.getMessage(),
              pause.toMillis());
          reconnecting = true;
          if (!pause(pause)) {
            return;
          }
          pause = longer(pause);
          continue;
        }
        pause = FIRST_PAUSE;
      }
    }

    /** Listens until stopped (then returns) or the connection fails (then throws). */
    private void listen(Connection connection, boolean reconnecting) throws SQLException {
      connection.setAutoCommit(true);
      PGConnection notifications = connection.unwrap(PGConnection.class);
      execute(connection, "LISTEN " + CHANNEL);
      if (reconnecting) {
        LOG.info("Listening for due runs again");
        wakeAll();
      }
      long heard = System.nanoTime();
      while (!stopped) {
        PGNotification[] received = received(connection, notifications);
        if (received != null && received.length > 0) {
          heard = System.nanoTime();
          wakeAll();
        } else if (System.nanoTime() - heard > CHECK_QUIET_NANOS) {
          if (!connection.isValid(5)) {
            throw new SQLException("the listening connection is no longer valid");
          }
          heard = System.nanoTime();
        }
      }
      // Back to the pool: a session left listening would pile up notifications nobody reads.
      execute(connection, "UNLISTEN *");
    }

    /**
     * Waits for notifications. The wait bypasses the pool's wrapper, so when it fails a statement
     * through the wrapper lets the pool see the broken connection and drop it, instead of handing
     * it out again (to this listener, as its next connection).
     */
    private static PGNotification @Nullable [] received(
        Connection connection, PGConnection notifications) throws SQLException {
      try {
        return notifications.getNotifications(WAIT_MILLIS);
      } catch (SQLException e) {
        try {
          execute(connection, "SELECT 1");
        } catch (SQLException broken) {
          e.addSuppressed(broken);
        }
        throw e;
      }
    }

    private static Duration longer(Duration pause) {
      Duration doubled = pause.multipliedBy(2);
      return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }

    private boolean pause(Duration pause) {
      try {
        Thread.sleep(pause.toMillis());
        return !stopped;
      } catch (InterruptedException e) {
        return false;
      }
    }

    /** Stops and waits for the thread, so that its connection is back in the pool on return. */
    void stop() {
      stopped = true;
      Thread listening = thread;
      if (listening == null || listening == Thread.currentThread()) {
        return;
      }
      listening.interrupt();
      try {
        listening.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
