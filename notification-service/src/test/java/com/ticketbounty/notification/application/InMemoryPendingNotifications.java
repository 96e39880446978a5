package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Notice;
import com.ticketbounty.notification.domain.QueuedNotice;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The digest's queue in memory. */
public final class InMemoryPendingNotifications implements PendingNotifications {
  /** One queued notice and what became of it. */
  public record Row(
      long id,
      UUID userId,
      String key,
      QueuedNotice notice,
      String status,
      @Nullable String digestKey) {}

  private final Clock clock;
  private final List<Row> rows = new ArrayList<>();

  public InMemoryPendingNotifications(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void queue(UUID userId, String key, Notice notice) {
    if (rows.stream().anyMatch(row -> row.key().equals(key))) {
      return;
    }
    long id = rows.size() + 1;
    rows.add(
        new Row(
            id,
            userId,
            key,
            new QueuedNotice(id, notice.subject(), notice.link(), clock.instant()),
            "pending",
            null));
  }

  @Override
  public synchronized List<PendingBatch> pendingByUser() {
    Map<UUID, List<Long>> byUser = new LinkedHashMap<>();
    rows.stream()
        .filter(row -> row.status().equals("pending"))
        .sorted(Comparator.comparing(Row::userId).thenComparing(Row::id))
        .forEach(row -> byUser.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(row.id()));
    return byUser.entrySet().stream().map(e -> new PendingBatch(e.getKey(), e.getValue())).toList();
  }

  @Override
  public synchronized List<QueuedNotice> find(List<Long> ids) {
    return rows.stream().filter(row -> ids.contains(row.id())).map(Row::notice).toList();
  }

  @Override
  public synchronized void markSent(List<Long> ids, String digestKey) {
    settle(ids, "sent", digestKey);
  }

  @Override
  public synchronized void markDropped(List<Long> ids) {
    settle(ids, "dropped", null);
  }

  private void settle(List<Long> ids, String status, @Nullable String key) {
    rows.replaceAll(
        row ->
            ids.contains(row.id()) && row.status().equals("pending")
                ? new Row(row.id(), row.userId(), row.key(), row.notice(), status, key)
                : row);
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }
}
