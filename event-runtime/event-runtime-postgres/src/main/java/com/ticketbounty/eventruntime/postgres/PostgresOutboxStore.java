package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.OutboxStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox in PostgreSQL. Several relays (one per service instance) may drain it at once.
 *
 * <p>How order per aggregate survives several relays: a relay locks, with {@code SKIP LOCKED}, only
 * <em>heads</em> — unsent rows with no earlier unsent row of the same aggregate — and takes the
 * unlocked followers of the heads it holds. Another relay cannot take those followers, because for
 * it the locked head is still an earlier unsent row; once the first relay commits, they are sent.
 * Rows are ordered by {@code seq}, the insertion order; producers that change one aggregate in
 * concurrent transactions serialize on the aggregate's own row, so insertion order is their order.
 */
public final class PostgresOutboxStore implements OutboxStore {
  static final String CLAIM =
      """
      WITH heads AS (
        SELECT o.seq, o.aggregate_key
          FROM event_runtime.outbox o
         WHERE o.published_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM event_runtime.outbox e
                            WHERE e.aggregate_key = o.aggregate_key
                              AND e.published_at IS NULL
                              AND e.seq < o.seq)
         ORDER BY o.seq
         LIMIT ?
           FOR UPDATE SKIP LOCKED)
      SELECT o.seq, o.event_id, o.event_name, o.aggregate_key, o.body, o.headers::text
        FROM event_runtime.outbox o
       WHERE o.published_at IS NULL
         AND o.aggregate_key IN (SELECT aggregate_key FROM heads)
       ORDER BY o.seq
       LIMIT ?
      """;
  private static final String MARK_SENT =
      "UPDATE event_runtime.outbox SET published_at = now() WHERE seq = ANY(?)";

  private final DataSource dataSource;

  public PostgresOutboxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public int relay(int limit, BatchPublisher publisher) throws InterruptedException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<Claimed> batch = claim(connection, limit);
        if (batch.isEmpty()) {
          connection.commit();
          return 0;
        }
        Set<UUID> confirmed = publisher.publish(batch.stream().map(Claimed::message).toList());
        List<Long> sent = sentInOrder(batch, confirmed);
        markSent(connection, sent);
        connection.commit();
        return sent.size();
      } catch (SQLException | RuntimeException | InterruptedException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("outbox relay failed: " + e.getMessage(), e);
    }
  }

  /**
   * The rows to mark sent: per aggregate, the confirmed rows up to its first unconfirmed one. A
   * confirmed row behind an unconfirmed one stays unsent and goes out again after it, so a consumer
   * still sees that aggregate's last event last.
   */
  static List<Long> sentInOrder(List<Claimed> batch, Set<UUID> confirmed) {
    Set<String> blocked = new HashSet<>();
    List<Long> sent = new ArrayList<>();
    for (Claimed row : batch) {
      String aggregate = row.message().aggregateKey();
      if (blocked.contains(aggregate)) {
        continue;
      }
      if (confirmed.contains(row.message().eventId())) {
        sent.add(row.seq());
      } else {
        blocked.add(aggregate);
      }
    }
    return sent;
  }

  private static List<Claimed> claim(Connection connection, int limit) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
      select.setInt(1, limit);
      select.setInt(2, limit);
      List<Claimed> batch = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          batch.add(
              new Claimed(
                  rows.getLong(1),
                  new OutboxMessage(
                      rows.getObject(2, UUID.class),
                      rows.getString(3),
                      rows.getString(4),
                      rows.getString(5),
                      HeadersJson.read(rows.getString(6)))));
        }
      }
      return batch;
    }
  }

  private static void markSent(Connection connection, List<Long> seqs) throws SQLException {
    if (seqs.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
      Array array = connection.createArrayOf("bigint", seqs.toArray());
      update.setArray(1, array);
      update.executeUpdate();
    }
  }

  record Claimed(long seq, OutboxMessage message) {}
}
