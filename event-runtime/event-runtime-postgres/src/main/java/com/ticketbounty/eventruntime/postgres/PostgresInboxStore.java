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
  private final ConnectionScope scope;

  public PostgresInboxStore(DataSource dataSource) {
    this(dataSource, ConnectionScope.NONE);
  }

  /**
   * @param scope binds the inbox's connection for the handler, so its writes join the inbox's
   *     transaction
   */
  public PostgresInboxStore(DataSource dataSource, ConnectionScope scope) {
    this.dataSource = dataSource;
    this.scope = scope;
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
        try (ConnectionScope.Bound _ = scope.bind(connection)) {
          work.run();
        }
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
