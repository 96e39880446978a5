package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.DeadLetter;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Dead letters in {@code event_runtime.dead_letters}. */
public final class PostgresDeadLetterStore implements DeadLetterStore {
  private static final String COLUMNS =
      "id, queue, message_id, event_name, reason, body, headers::text, dead_lettered_at,"
          + " redriven_at";
  private static final String INSERT =
      "INSERT INTO event_runtime.dead_letters"
          + " (queue, message_id, event_name, reason, body, headers)"
          + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT DO NOTHING";
  private static final String MARK_REDRIVEN =
      "UPDATE event_runtime.dead_letters SET redriven_at = now()"
          + " WHERE id = ? AND redriven_at IS NULL";

  /** The header a redriven message carries: the id of the record it was sent back from. */
  private static final String REDRIVEN_FROM = "x-redriven-from";

  static final String LIVE =
      "SELECT "
          + COLUMNS
          + " FROM event_runtime.dead_letters WHERE redriven_at IS NULL"
          + " ORDER BY dead_lettered_at DESC, id DESC LIMIT ?";

  private final DataSource dataSource;

  public PostgresDeadLetterStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Keeps a dead letter. A redriven message that died again can be drained before its redrive has
   * marked the old record redriven; the old record is marked here first, in the same transaction,
   * or the new one would meet it as "the same live letter" and be dropped while the old one then
   * leaves the list: the message would be lost.
   */
  @Override
  public void save(DeadLetter letter) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        endRedriven(connection, letter.headers().get(REDRIVEN_FROM));
        insert(connection, letter);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not keep a dead letter: " + e.getMessage(), e);
    }
  }

  private static void endRedriven(Connection connection, @Nullable String redrivenFrom)
      throws SQLException {
    if (redrivenFrom == null || !redrivenFrom.matches("[0-9]{1,18}")) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(MARK_REDRIVEN)) {
      update.setLong(1, Long.parseLong(redrivenFrom));
      update.executeUpdate();
    }
  }

  private static void insert(Connection connection, DeadLetter letter) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, letter.queue());
      insert.setString(2, letter.messageId());
      insert.setString(3, letter.eventName());
      insert.setString(4, letter.reason());
      insert.setBytes(5, letter.body());
      insert.setString(6, HeadersJson.write(letter.headers()));
      insert.executeUpdate();
    }
  }

  @Override
  public List<Stored> list(int limit) {
    return query(LIVE, limit);
  }

  @Override
  public Optional<Stored> find(long id) {
    return query("SELECT " + COLUMNS + " FROM event_runtime.dead_letters WHERE id = ?", id).stream()
        .findFirst();
  }

  @Override
  public boolean markRedriven(long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(MARK_REDRIVEN)) {
      update.setLong(1, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not mark dead letter " + id + ": " + e, e);
    }
  }

  private List<Stored> query(String sql, long parameter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, parameter);
      List<Stored> letters = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          letters.add(read(rows));
        }
      }
      return letters;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read dead letters: " + e.getMessage(), e);
    }
  }

  private static Stored read(ResultSet row) throws SQLException {
    DeadLetter letter =
        new DeadLetter(
            row.getString(2),
            row.getString(3),
            row.getString(4),
            row.getString(5),
            row.getBytes(6),
            HeadersJson.read(row.getString(7)));
    Timestamp redriven = row.getTimestamp(9);
    return new Stored(
        row.getLong(1),
        letter,
        row.getTimestamp(8).toInstant(),
        redriven == null ? null : redriven.toInstant());
  }
}
