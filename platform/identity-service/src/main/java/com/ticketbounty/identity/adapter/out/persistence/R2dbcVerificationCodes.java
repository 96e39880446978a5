package com.ticketbounty.identity.adapter.out.persistence;

import com.ticketbounty.identity.application.VerificationCodes;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The {@code email_verification_codes} table: one live code hash per account. */
public final class R2dbcVerificationCodes implements VerificationCodes {
  private final DatabaseClient database;

  public R2dbcVerificationCodes(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Void> replace(UUID userId, String codeHash, Instant expiresAt) {
    return database
        .sql(
            """
            INSERT INTO email_verification_codes (user_id, code_hash, expires_at)
            VALUES (:userId, :hash, :expiresAt)
            ON CONFLICT (user_id) DO UPDATE
              SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, wrong_tries = 0""")
        .bind("userId", userId)
        .bind("hash", codeHash)
        .bind("expiresAt", expiresAt)
        .then();
  }

  @Override
  public Mono<Boolean> redeem(UUID userId, String codeHash, Instant now) {
    return database
        .sql(
            "DELETE FROM email_verification_codes"
                + " WHERE user_id = :userId AND code_hash = :hash AND expires_at > :now")
        .bind("userId", userId)
        .bind("hash", codeHash)
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  @Override
  public Mono<Void> countWrongTry(UUID userId, int allowed) {
    return database
        .sql(
            "UPDATE email_verification_codes SET wrong_tries = wrong_tries + 1"
                + " WHERE user_id = :userId")
        .bind("userId", userId)
        .then()
        .then(
            database
                .sql(
                    "DELETE FROM email_verification_codes"
                        + " WHERE user_id = :userId AND wrong_tries >= :allowed")
                .bind("userId", userId)
                .bind("allowed", allowed)
                .then());
  }
}
