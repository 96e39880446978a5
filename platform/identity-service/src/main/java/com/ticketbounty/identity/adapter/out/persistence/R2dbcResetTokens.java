package com.ticketbounty.identity.adapter.out.persistence;

import com.ticketbounty.identity.application.ResetTokens;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code password_reset_tokens} table: hashes only. Redeeming is one conditional UPDATE, so two
 * requests racing with one token cannot both succeed.
 */
public final class R2dbcResetTokens implements ResetTokens {
  private final DatabaseClient database;

  public R2dbcResetTokens(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Void> add(String tokenHash, UUID userId, Instant createdAt, Instant expiresAt) {
    return database
        .sql(
            "INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at)"
                + " VALUES (:hash, :userId, :createdAt, :expiresAt)")
        .bind("hash", tokenHash)
        .bind("userId", userId)
        .bind("createdAt", createdAt)
        .bind("expiresAt", expiresAt)
        .then();
  }

  @Override
  public Mono<UUID> usableFor(String tokenHash, Instant now) {
    return database
        .sql(
            "SELECT user_id FROM password_reset_tokens"
                + " WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
        .bind("hash", tokenHash)
        .bind("now", now)
        .map(row -> row.get("user_id", UUID.class))
        .one();
  }

  @Override
  public Mono<UUID> redeem(String tokenHash, Instant now) {
    return database
        .sql(
            "UPDATE password_reset_tokens SET used_at = :now"
                + " WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now"
                + " RETURNING user_id")
        .bind("now", now)
        .bind("hash", tokenHash)
        .map(row -> row.get("user_id", UUID.class))
        .one();
  }
}
