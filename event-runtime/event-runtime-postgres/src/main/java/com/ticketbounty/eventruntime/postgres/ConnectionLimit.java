package com.ticketbounty.eventruntime.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that lends at most {@link #connections()} of its pool's connections at once;
 * a caller beyond that waits, first come first served and without a time limit, until one is
 * closed. Give it to the {@link PostgresRunStore} when more attempts run at once than the pool has
 * connections for them (the engine's 64 workers): an attempt holds a connection only for the few
 * statements of a store call, so many attempts share a few connections, and their waits happen here
 * rather than in the pool, whose wait is not strictly fair and times out ({@code connectionTimeout}
 * in HikariCP) — under a burst, one unlucky caller could fail a commit while later ones were
 * served. A virtual thread waiting here parks without pinning its carrier (Java 24 and later, even
 * inside {@code synchronized}, JEP 491).
 *
 * <p>Everything that uses the store goes through the limit: attempts, claims and lease renewals,
 * cron ticks, the intake of deliveries, and the due-run listener, which keeps one connection for as
 * long as an engine listens (so {@code connections} must leave room beside it: at least 2). Set it
 * at most to the pool's size less what others take from that pool at once (the relay, consumers,
 * the service's own work); the starter derives both numbers together.
 *
 * <p>A waiting caller that is interrupted (an engine shutting down) stops waiting with an {@link
 * SQLTransientConnectionException}.
 */
public final class ConnectionLimit extends ForwardingDataSource {
  private final DataSource pool;
  private final int connections;
  private final Semaphore lent;

  /**
   * @param pool where the connections come from
   * @param connections the most lent at once; at least 2 (see the due-run listener above)
   */
  public ConnectionLimit(DataSource pool, int connections) {
    if (connections < 2) {
      throw new IllegalArgumentException(
          ("a run store needs at least 2 connections: its due-run listener keeps one; was %d")
              .formatted(connections));
    }
    super(pool);
    this.pool = pool;
    this.connections = connections;
    this.lent = new Semaphore(connections, true);
  }

  /** The most connections lent at once. */
  public int connections() {
    return connections;
  }

  /** How many callers wait for a connection now. */
  public int waiting() {
    return lent.getQueueLength();
  }

  @Override
  public Connection getConnection() throws SQLException {
    acquire();
    return lend(() -> pool.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    acquire();
    return lend(() -> pool.getConnection(username, password));
  }

  private void acquire() throws SQLTransientConnectionException {
    try {
      lent.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted waiting for a connection", e);
    }
  }

  private Connection lend(Borrow borrow) throws SQLException {
    Connection connection;
    try {
      connection = borrow.connection();
    } catch (SQLException | RuntimeException e) {
      lent.release();
      throw e;
    }
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Lent(connection));
  }

  @FunctionalInterface
  private interface Borrow {
    Connection connection() throws SQLException;
  }

  /** The borrowed connection as is, except that its first close gives the permit back. */
  private final class Lent implements InvocationHandler {
    private final Connection connection;
    private final AtomicBoolean returned = new AtomicBoolean();

    Lent(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        default -> {}
      }
      if (method.getName().equals("close") && method.getParameterCount() == 0) {
        try {
          connection.close();
        } finally {
          if (returned.compareAndSet(false, true)) {
            lent.release();
          }
        }
        return null;
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
