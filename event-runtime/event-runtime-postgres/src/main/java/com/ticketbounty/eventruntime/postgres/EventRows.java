package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Events kept for {@code waitForEvent}. An event delivered again is stored once (its id is the
 * key).
 */
final class EventRows {
  private static final String INSERT =
      "INSERT INTO event_runtime.stored_events (id, name, event, stored_at)"
          + " VALUES (?, ?, CAST(? AS json), ?) ON CONFLICT (id) DO NOTHING";
  static final String SINCE =
      "SELECT id, name, event::text AS event, stored_at FROM event_runtime.stored_events"
          + " WHERE name = ? AND stored_at >= ? ORDER BY stored_at, seq";

  private EventRows() {}

  static void store(Connection connection, List<StoredEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (StoredEvent event : events) {
        insert.setObject(1, event.id());
        insert.setString(2, event.name());
        insert.setString(3, event.event());
        Jdbc.setInstant(insert, 4, event.storedAt());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static List<StoredEvent> since(Connection connection, String name, Instant since)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SINCE)) {
      select.setString(1, name);
      Jdbc.setInstant(select, 2, since);
      List<StoredEvent> events = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          events.add(
              new StoredEvent(
                  row.getObject("id", UUID.class),
                  row.getString("name"),
                  row.getString("event"),
                  Jdbc.requiredInstant(row, "stored_at")));
        }
      }
      return events;
    }
  }
}
