package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Events kept for {@code waitForEvent}. An event delivered again is stored once (its id is the
 * key).
 */
final class EventRows {
  // One statement for the batch; RETURNING answers only the rows this insert wrote.
  private static final String INSERT =
      """
      INSERT INTO event_runtime.stored_events (id, name, event, stored_at)
      SELECT e.id, e.name, CAST(e.event AS json), e.stored_at
        FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),
                    CAST(? AS timestamptz[])) WITH ORDINALITY AS e(id, name, event, stored_at, place)
       ORDER BY e.place
      ON CONFLICT (id) DO NOTHING
      RETURNING id
      """;
  static final String SINCE =
      "SELECT id, name, event::text AS event, stored_at FROM event_runtime.stored_events"
          + " WHERE name = ? AND stored_at >= ? ORDER BY stored_at, seq";

  private EventRows() {}

  /** Answers the ids of the events not stored before. */
  static Set<UUID> store(Connection connection, List<StoredEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return Set.of();
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setArray(
          1, connection.createArrayOf("uuid", events.stream().map(StoredEvent::id).toArray()));
      insert.setArray(
          2, connection.createArrayOf("text", events.stream().map(StoredEvent::name).toArray()));
      insert.setArray(
          3, connection.createArrayOf("text", events.stream().map(StoredEvent::event).toArray()));
      insert.setArray(
          4,
          connection.createArrayOf(
              "timestamptz",
              events.stream()
                  .map(e -> OffsetDateTime.ofInstant(e.storedAt(), ZoneOffset.UTC))
                  .toArray()));
      Set<UUID> stored = new HashSet<>();
      try (ResultSet row = insert.executeQuery()) {
        while (row.next()) {
          stored.add(row.getObject(1, UUID.class));
        }
      }
      return stored;
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
