package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.OutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox in PostgreSQL. Several relays (one per service instance) may drain it at once.
 *
 * <p>Reservations instead of held locks: a relay reserves a batch in one statement, in auto-commit
 * — it stamps the rows with a new reservation id ({@code reserved_by}) and an expiry ({@code
 * reserved_until}, the database's {@code now()} plus the relay's reservation time) — and publishes
 * with no transaction open. Settling is one statement too: it marks sent, per aggregate, the
 * confirmed rows up to the first unconfirmed one and clears the stamp of every row of the batch
 * that still carries the reservation's id. A relay that dies leaves its rows stamped until the
 * reservation expires; then they are reserved again, by any relay (at least once).
 *
 * <p>How order per aggregate survives several relays: a relay reserves only <em>heads</em> — unsent
 * rows with no earlier unsent row of the same aggregate — that no live reservation holds, together
 * with the unsent followers of those heads. Another relay cannot take those followers, because for
 * it the reserved head is still an earlier unsent row; once the first relay settles, the rest are
 * sent or free again. Reservations therefore always cover a prefix of an aggregate's unsent rows,
 * held by one relay. Two relays that look at the same head at once are kept apart by the row lock
 * the reserving statement takes with {@code SKIP LOCKED}, for the statement's own short transaction
 * only, and a head reserved by a transaction that has just committed fails the re-checked
 * reservation condition. Rows are ordered by {@code seq}, the insertion order; producers that
 * change one aggregate in concurrent transactions serialize on the aggregate's own row, so
 * insertion order is their order.
 *
 * <p>A relay that outlives its reservation (the broker took longer to confirm than it reserved for)
 * may see another relay publish the batch again; its own settling then finds the rows re-stamped
 * and leaves them to the new holder.
 */
public final class PostgresOutboxStore implements OutboxStore {
  static final String RESERVE =
      """
      WITH heads AS (
        SELECT o.seq, o.aggregate_key
          FROM event_runtime.outbox o
         WHERE o.published_at IS NULL
           AND (o.reserved_until IS NULL OR o.reserved_until <= now())
           AND NOT EXISTS (SELECT 1 FROM event_runtime.outbox e
                            WHERE e.aggregate_key = o.aggregate_key
                              AND e.published_at IS NULL
                              AND e.seq < o.seq)
         ORDER BY o.seq
         LIMIT ?
           FOR UPDATE SKIP LOCKED),
      batch AS (
        SELECT o.seq
          FROM event_runtime.outbox o
         WHERE o.published_at IS NULL
           AND o.aggregate_key IN (SELECT aggregate_key FROM heads)
         ORDER BY o.seq
         LIMIT ?)
      UPDATE event_runtime.outbox o
         SET reserved_by = ?, reserved_until = now() + ? * interval '1 millisecond'
        FROM batch
       WHERE o.seq = batch.seq
      RETURNING o.seq, o.event_id, o.event_name, o.aggregate_key, o.body, o.headers::text
      """;
  static final String SETTLE =
      """
      UPDATE event_runtime.outbox
         SET published_at = CASE WHEN event_id = ANY(?) THEN now() END,
             reserved_by = NULL, reserved_until = NULL
       WHERE event_id = ANY(?) AND reserved_by = ? AND published_at IS NULL
      """;

  private final DataSource dataSource;

  public PostgresOutboxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Reservation reserve(int limit, Duration reserveFor) {
    UUID id = UUID.randomUUID();
    return Jdbc.autoCommit(
        dataSource,
        "reserve outbox rows",
        connection -> new Reservation(id, reserve(connection, id, limit, reserveFor)));
  }

  @Override
  public int settle(Reservation reservation, Set<UUID> confirmed) {
    if (reservation.isEmpty()) {
      return 0;
    }
    List<UUID> sent = reservation.sent(confirmed);
    List<UUID> all = reservation.messages().stream().map(OutboxMessage::eventId).toList();
    return Jdbc.autoCommit(
        dataSource,
        "settle outbox rows",
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(SETTLE)) {
            update.setArray(1, connection.createArrayOf("uuid", sent.toArray()));
            update.setArray(2, connection.createArrayOf("uuid", all.toArray()));
            update.setObject(3, reservation.id());
            update.executeUpdate();
            return sent.size();
          }
        });
  }

  private static List<OutboxMessage> reserve(
      Connection connection, UUID id, int limit, Duration reserveFor) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(RESERVE)) {
      update.setInt(1, limit);
      update.setInt(2, limit);
      update.setObject(3, id);
      update.setLong(4, reserveFor.toMillis());
      List<Reserved> batch = new ArrayList<>();
      try (ResultSet rows = update.executeQuery()) {
        while (rows.next()) {
          batch.add(
              new Reserved(
                  rows.getLong(1),
                  new OutboxMessage(
                      rows.getObject(2, UUID.class),
                      rows.getString(3),
                      rows.getString(4),
                      rows.getString(5),
                      HeadersJson.read(rows.getString(6)))));
        }
      }
      // RETURNING keeps no order: put the batch back in the order it was written.
      batch.sort(Comparator.comparingLong(Reserved::seq));
      return batch.stream().map(Reserved::message).toList();
    }
  }

  private record Reserved(long seq, OutboxMessage message) {}
}
