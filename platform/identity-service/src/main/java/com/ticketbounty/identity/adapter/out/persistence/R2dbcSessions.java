package com.ticketbounty.identity.adapter.out.persistence;

import com.ticketbounty.identity.application.Sessions;
import com.ticketbounty.identity.domain.Session;
import com.ticketbounty.identity.domain.SessionEndReason;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code sessions} and {@code spent_refresh_tokens} tables. The {@code locked…} reads take a
 * row lock ({@code FOR UPDATE}) that holds until the transaction ends: a second refresh with the
 * same token waits for the first, then finds the token spent.
 */
public final class R2dbcSessions implements Sessions {
  private static final String COLUMNS =
      "id, user_id, refresh_token_hash, refresh_expires_at, created_at, ended_at, end_reason";

  private final DatabaseClient database;

  public R2dbcSessions(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Void> add(Session session) {
    return database
        .sql(
            "INSERT INTO sessions (id, user_id, refresh_token_hash, refresh_expires_at,"
                + " created_at) VALUES (:id, :userId, :hash, :expiresAt, :createdAt)")
        .bind("id", session.id())
        .bind("userId", session.userId())
        .bind("hash", session.refreshTokenHash())
        .bind("expiresAt", session.refreshExpiresAt())
        .bind("createdAt", session.createdAt())
        .then();
  }

  @Override
  public Mono<Session> lockedByRefreshTokenHash(String hash) {
    return select("WHERE refresh_token_hash = :value FOR UPDATE", hash).next();
  }

  @Override
  public Mono<Session> bySpentRefreshTokenHash(String hash) {
    return select(
            "WHERE id = (SELECT session_id FROM spent_refresh_tokens WHERE token_hash = :value)",
            hash)
        .next();
  }

  @Override
  public Mono<Session> lockedById(UUID id) {
    return select("WHERE id = :value FOR UPDATE", id).next();
  }

  @Override
  public Flux<Session> lockedLiveOf(UUID userId) {
    return select("WHERE user_id = :value AND ended_at IS NULL ORDER BY id FOR UPDATE", userId);
  }

  @Override
  public Mono<Void> rotate(Session rotated, String spentHash, Instant spentAt) {
    Mono<Long> spend =
        database
            .sql(
                "INSERT INTO spent_refresh_tokens (token_hash, session_id, spent_at)"
                    + " VALUES (:hash, :sessionId, :spentAt)")
            .bind("hash", spentHash)
            .bind("sessionId", rotated.id())
            .bind("spentAt", spentAt)
            .fetch()
            .rowsUpdated();
    Mono<Long> replace =
        database
            .sql(
                "UPDATE sessions SET refresh_token_hash = :hash, refresh_expires_at = :expiresAt"
                    + " WHERE id = :id")
            .bind("hash", rotated.refreshTokenHash())
            .bind("expiresAt", rotated.refreshExpiresAt())
            .bind("id", rotated.id())
            .fetch()
            .rowsUpdated();
    return spend.then(replace).then();
  }

  @Override
  public Mono<Void> end(Session ended) {
    return database
        .sql(
            "UPDATE sessions SET ended_at = :endedAt, end_reason = :reason"
                + " WHERE id = :id AND ended_at IS NULL")
        .bind("endedAt", ended.endedAt().orElseThrow())
        .bind("reason", ended.endReason().orElseThrow().wireName())
        .bind("id", ended.id())
        .then();
  }

  @Override
  public Mono<Boolean> hasEnded(UUID id) {
    return database
        .sql("SELECT ended_at IS NOT NULL AS ended FROM sessions WHERE id = :id")
        .bind("id", id)
        .map(row -> Boolean.TRUE.equals(row.get("ended", Boolean.class)))
        .one()
        .defaultIfEmpty(true);
  }

  private Flux<Session> select(String where, Object value) {
    return database
        .sql("SELECT " + COLUMNS + " FROM sessions " + where)
        .bind("value", value)
        .map(R2dbcSessions::toSession)
        .all();
  }

  private static Session toSession(Readable row) {
    String reason = row.get("end_reason", String.class);
    return Session.restore(
        row.get("id", UUID.class),
        row.get("user_id", UUID.class),
        row.get("refresh_token_hash", String.class),
        row.get("refresh_expires_at", Instant.class),
        row.get("created_at", Instant.class),
        row.get("ended_at", Instant.class),
        reason == null ? null : SessionEndReason.ofWireName(reason));
  }
}
