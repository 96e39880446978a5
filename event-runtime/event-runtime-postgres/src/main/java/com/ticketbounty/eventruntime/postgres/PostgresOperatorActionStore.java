package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.OperatorActionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The audit of operator actions in {@code event_runtime.operator_actions}. {@link
 * #record(Connection, NewOperatorAction)} writes on a connection the caller holds, so an action
 * that is itself a write (an event put in the outbox) is recorded in the same transaction.
 */
public final class PostgresOperatorActionStore implements OperatorActionStore {
  private static final String INSERT =
      "INSERT INTO event_runtime.operator_actions (actor_id, actor_name, action, target, detail)"
          + " VALUES (?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id, at";
  private static final String LIST =
      "SELECT id, at, actor_id, actor_name, action, target, detail::text"
          + " FROM event_runtime.operator_actions WHERE at >= COALESCE(CAST(? AS timestamptz), '-infinity'::timestamptz)"
          + " ORDER BY at DESC, id DESC LIMIT ?";

  private final DataSource dataSource;

  public PostgresOperatorActionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public OperatorAction record(NewOperatorAction action) {
    return Jdbc.transaction(
        dataSource, "recording an operator action", connection -> record(connection, action));
  }

  /** Records on {@code connection}, inside whatever transaction it is in. */
  public OperatorAction record(Connection connection, NewOperatorAction action)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, action.actor().id());
      insert.setString(2, action.actor().name());
      insert.setString(3, action.action());
      insert.setString(4, action.target());
      insert.setString(5, action.detailJson());
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return new OperatorAction(row.getLong(1), Jdbc.requiredInstant(row, "at"), action);
      }
    }
  }

  @Override
  public List<OperatorAction> list(@Nullable Instant since, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(LIST)) {
      Jdbc.setInstant(select, 1, since);
      select.setInt(2, limit);
      List<OperatorAction> actions = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          actions.add(read(rows));
        }
      }
      return actions;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read operator actions: " + e.getMessage(), e);
    }
  }

  private static OperatorAction read(ResultSet row) throws SQLException {
    NewOperatorAction what =
        new NewOperatorAction(
            new Actor(row.getString("actor_id"), row.getString("actor_name")),
            row.getString("action"),
            row.getString("target"),
            row.getString("detail"));
    return new OperatorAction(row.getLong("id"), Jdbc.requiredInstant(row, "at"), what);
  }
}
