package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes outbox rows through the caller's JDBC connection, so they join its transaction. */
public final class OutboxWriter {

  public void write(Connection connection, OutboxMessage message) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(OutboxSql.INSERT_JDBC)) {
      insert.setObject(1, message.eventId());
      insert.setString(2, message.eventName());
      insert.setString(3, message.aggregateKey());
      insert.setString(4, message.body());
      insert.setString(5, HeadersJson.write(message.headers()));
      insert.executeUpdate();
    }
  }
}
