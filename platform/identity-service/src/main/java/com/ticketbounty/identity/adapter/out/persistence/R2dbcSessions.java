package com.ticketbounty.identity.adapter.out.persistence;

import com.ticketbounty.identity.application.Sessions;
import com.ticketbounty.identity.domain.RefreshToken;
import com.ticketbounty.identity.domain.Session;
import com.ticketbounty.identity.domain.SessionEndReason;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code sessions} and {@code refresh_tokens} tables. The {@code locked…} reads take a row lock
 * on the session ({@code FOR UPDATE}) that holds until the transaction ends: a second refresh of
 * the same session waits for the first, then reads the token as the first left it (a statement of
 * its own, so under READ COMMITTED it sees what the first committed).
 */
public final class R2dbcSessions implements Sessions {
  private static final String COLUMNS = "id, user_id, created_at, ended_at, end_reason";

  private final DatabaseClient database;

  public R2dbcSessions(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Void> add(Session session, RefreshToken first) {
    return database
        .sql("INSERT INTO sessions (id, user_id, created_at) VALUES (:id, :userId, :createdAt)")
        .bind("id", session.id())
        .bind("userId", session.userId())
        .bind("createdAt", session.createdAt())
        .then()
        .then(addRefreshToken(first));
  }

  @Override
  public Mono<Presented> lockedByRefreshTokenHash(String hash) {
    return select(
            "WHERE id = (SELECT session_id FROM refresh_tokens WHERE token_hash = :value)"
                + " FOR UPDATE",
            hash)
        .next()
        .flatMap(session -> token(hash).map(token -> new Presented(session, token)));
  }

  private Mono<RefreshToken> token(String hash) {
    return database
        .sql(
            "SELECT token_hash, session_id, expires_at, spent_at FROM refresh_tokens"
                + " WHERE token_hash = :hash")
        .bind("hash", hash)
        .map(
            row ->
                RefreshToken.restore(
                    row.get("token_hash", String.class),
                    row.get("session_id", UUID.class),
                    row.get("expires_at", Instant.class),
                    row.get("spent_at", Instant.class)))
        .one();
  }

  @Override
  public Mono<Void> addRefreshToken(RefreshToken token) {
    return database
        .sql(
            "INSERT INTO refresh_tokens (token_hash, session_id, expires_at)"
                + " VALUES (:hash, :sessionId, :expiresAt)")
        .bind("hash", token.hash())
        .bind("sessionId", token.sessionId())
        .bind("expiresAt", token.expiresAt())
        .then();
  }

  @Override
  public Mono<Void> spend(RefreshToken spent) {
    return database
        .sql(
            "UPDATE refresh_tokens SET spent_at = :spentAt"
                + " WHERE token_hash = :hash AND spent_at IS NULL")
        .bind("spentAt", spent.spentAt().orElseThrow())
        .bind("hash", spent.hash())
        .then();
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
        row.get("created_at", Instant.class),
        row.get("ended_at", Instant.class),
        reason == null ? null : SessionEndReason.ofWireName(reason));
  }
}
