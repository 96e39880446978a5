package com.ticketbounty.reliability.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples how many connections a PostgreSQL server has open to clients, twice a second, from its
 * own {@code pg_stat_activity}, and keeps the most seen: what the replicas' pools used at once,
 * beside the server's {@code max_connections}.
 */
final class ConnectionPeak implements AutoCloseable {
  private static final Duration EVERY = Duration.ofMillis(500);

  private final SuiteSystem system;
  private final AtomicInteger most = new AtomicInteger();
  private final Thread sampler;
  private final int maxConnections;

  /** Starts sampling the suite's own PostgreSQL (the one {@code database} lives on). */
  ConnectionPeak(SuiteSystem system, String database) throws SQLException {
    this.system = system;
    try (Connection connection = system.database(database);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW max_connections")) {
      row.next();
      this.maxConnections = Integer.parseInt(row.getString(1));
    }
    this.sampler =
        Thread.ofPlatform().daemon().name("connection-peak").start(() -> sample(database));
  }

  private void sample(String database) {
    try (Connection connection = system.database(database);
        Statement statement = connection.createStatement()) {
      while (!Thread.currentThread().isInterrupted()) {
        try (ResultSet row =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")) {
          row.next();
          // Less this sampler's own connection.
          most.accumulateAndGet(row.getInt(1) - 1, Math::max);
        }
        Thread.sleep(EVERY);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      FaultPhase.say("connection sampling stopped: %s", e);
    }
  }

  int most() {
    return most.get();
  }

  int maxConnections() {
    return maxConnections;
  }

  @Override
  public void close() throws InterruptedException {
    sampler.interrupt();
    sampler.join();
  }
}
