package com.ticketbounty.identity.adapter.out.persistence;

import com.ticketbounty.identity.application.AuditLog;
import com.ticketbounty.identity.domain.AuditEntry;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code audit_log} table. A row written for an event is keyed by the event's id ({@code ON
 * CONFLICT DO NOTHING}), so a redelivery, or a handler that ran but was not recorded as processed,
 * writes nothing new.
 */
public final class R2dbcAuditLog implements AuditLog {
  private static final String INSERT =
      """
      INSERT INTO audit_log (occurred_at, user_id, action, client_address, detail, event_id)
      VALUES (:occurredAt, :userId, :action, :clientAddress, :detail, :eventId)
      ON CONFLICT (event_id) DO NOTHING""";

  private final DatabaseClient database;

  public R2dbcAuditLog(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Void> record(AuditEntry entry) {
    DatabaseClient.GenericExecuteSpec spec =
        database
            .sql(INSERT)
            .bind("occurredAt", entry.occurredAt())
            .bind("action", entry.action().code());
    spec = bindNullable(spec, "userId", entry.userId(), UUID.class);
    spec = bindNullable(spec, "clientAddress", entry.clientAddress(), String.class);
    spec = bindNullable(spec, "detail", entry.detail(), String.class);
    spec = bindNullable(spec, "eventId", entry.eventId(), UUID.class);
    return spec.then();
  }

  private static DatabaseClient.GenericExecuteSpec bindNullable(
      DatabaseClient.GenericExecuteSpec spec, String name, @Nullable Object value, Class<?> type) {
    return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
  }
}
