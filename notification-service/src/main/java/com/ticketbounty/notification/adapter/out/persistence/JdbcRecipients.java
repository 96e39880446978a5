package com.ticketbounty.notification.adapter.out.persistence;

import com.ticketbounty.notification.application.AccountChange;
import com.ticketbounty.notification.application.Recipients;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code recipients} table. */
public final class JdbcRecipients implements Recipients {
  // A later version replaces the row; fields the event leaves null keep what the row had. The same
  // version again only fills such gaps (the republish sends 1.1 at the version a 1.0 event left).
  private static final String LEARN =
      """
      INSERT INTO recipients AS r
        (user_id, email, username, role, notification_preference, email_verified, version)
      VALUES (:userId, :email, :username, :role, :preference, :verified, :version)
      ON CONFLICT (user_id) DO UPDATE
        SET email = COALESCE(EXCLUDED.email, r.email),
            username = EXCLUDED.username,
            role = COALESCE(EXCLUDED.role, r.role),
            notification_preference = EXCLUDED.notification_preference,
            email_verified = COALESCE(EXCLUDED.email_verified, r.email_verified),
            version = EXCLUDED.version
        WHERE r.version < EXCLUDED.version
           OR (r.version = EXCLUDED.version
               AND (r.email IS NULL OR r.role IS NULL OR r.email_verified IS NULL))
      """;
  private static final String COLUMNS = "user_id, email, username, notification_preference";

  private final JdbcClient jdbc;

  public JdbcRecipients(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public void learn(AccountChange change) {
    jdbc.sql(LEARN)
        .param("userId", change.userId())
        .param("email", change.email())
        .param("username", change.username())
        .param("role", change.role())
        .param("preference", change.preference())
        .param("verified", change.emailVerified())
        .param("version", change.version())
        .update();
  }

  @Override
  public Optional<Recipient> find(UUID userId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM recipients WHERE user_id = ? AND email IS NOT NULL")
        .param(userId)
        .query(JdbcRecipients::recipient)
        .optional();
  }

  @Override
  public Map<UUID, Recipient> findAll(Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM recipients WHERE user_id = ANY(?) AND email IS NOT NULL")
        .param(userIds.toArray(UUID[]::new))
        .query(JdbcRecipients::recipient)
        // list(), not stream(): a stream holds its connection until it is closed.
        .list()
        .stream()
        .collect(Collectors.toMap(Recipient::userId, Function.identity()));
  }

  @Override
  public List<Recipient> verifiedAdmins() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM recipients WHERE role = 'ADMIN' AND email_verified AND email IS NOT NULL"
                + " ORDER BY user_id")
        .query(JdbcRecipients::recipient)
        .list();
  }

  private static Recipient recipient(ResultSet row, int index) throws SQLException {
    return new Recipient(
        row.getObject("user_id", UUID.class),
        row.getString("email"),
        row.getString("username"),
        NotificationPreference.fromWire(row.getString("notification_preference")));
  }
}
