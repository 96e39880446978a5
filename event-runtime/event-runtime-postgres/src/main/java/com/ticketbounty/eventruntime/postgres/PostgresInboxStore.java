package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.InboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Deduplication by event id. The inbox row is inserted first and committed only after the work
 * returns, in one transaction: a duplicate delivered meanwhile blocks on the row and is then
 * dropped, and a crash before the commit leaves no row, so the redelivery runs the work again.
 */
public final class PostgresInboxStore implements InboxStore {
  private static final String RECORD =
      "INSERT INTO event_runtime.inbox (subscription, event_id) VALUES (?, ?)"
          + " ON CONFLICT DO NOTHING";

  private final DataSource dataSource;

  public PostgresInboxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean processOnce(String subscription, UUID eventId, Work work) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (!record(connection, subscription, eventId)) {
          connection.rollback();
          return false;
        }
        work.run();
        connection.commit();
        return true;
      } catch (Exception e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static boolean record(Connection connection, String subscription, UUID eventId)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
      insert.setString(1, subscription);
      insert.setObject(2, eventId);
      return insert.executeUpdate() == 1;
    }
  }
}
