package com.ticketbounty.notification.adapter.out.persistence;

import com.ticketbounty.notification.application.PendingBatch;
import com.ticketbounty.notification.application.PendingNotifications;
import com.ticketbounty.notification.domain.Notice;
import com.ticketbounty.notification.domain.QueuedNotice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code pending_notifications} table. */
public final class JdbcPendingNotifications implements PendingNotifications {
  private final JdbcClient jdbc;

  public JdbcPendingNotifications(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public void queue(UUID userId, String key, Notice notice) {
    jdbc.sql(
            "INSERT INTO pending_notifications (user_id, queue_key, subject, link)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (queue_key) DO NOTHING")
        .param(userId)
        .param(key)
        .param(notice.subject())
        .param(notice.link())
        .update();
  }

  @Override
  public List<PendingBatch> pendingByUser() {
    Map<UUID, List<Long>> byUser = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT user_id, id FROM pending_notifications WHERE status = 'pending'"
                + " ORDER BY user_id, id")
        .query(
            row -> {
              byUser
                  .computeIfAbsent(row.getObject("user_id", UUID.class), id -> new ArrayList<>())
                  .add(row.getLong("id"));
            });
    return byUser.entrySet().stream()
        .map(entry -> new PendingBatch(entry.getKey(), entry.getValue()))
        .toList();
  }

  @Override
  public List<QueuedNotice> find(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT id, subject, link, queued_at FROM pending_notifications WHERE id = ANY(?)"
                + " ORDER BY queued_at, id")
        .param(ids.toArray(Long[]::new))
        .query(
            (row, index) ->
                new QueuedNotice(
                    row.getLong("id"),
                    row.getString("subject"),
                    row.getString("link"),
                    row.getTimestamp("queued_at").toInstant()))
        .list();
  }

  @Override
  public void markSent(List<Long> ids, String digestKey) {
    settle(ids, "sent", digestKey);
  }

  @Override
  public void markDropped(List<Long> ids) {
    settle(ids, "dropped", null);
  }

  private void settle(List<Long> ids, String status, @Nullable String key) {
    jdbc.sql(
            "UPDATE pending_notifications SET status = ?, settled_at = now(), digest_key = ?"
                + " WHERE id = ANY(?) AND status = 'pending'")
        .param(status)
        .param(key)
        .param(ids.toArray(Long[]::new))
        .update();
  }
}
