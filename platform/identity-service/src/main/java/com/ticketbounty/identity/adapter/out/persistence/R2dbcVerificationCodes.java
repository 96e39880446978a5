package com.ticketbounty.identity.adapter.out.persistence;

import com.ticketbounty.identity.application.VerificationCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code email_verification_codes} table (one live code hash per account) and {@code
 * email_verification_tries} (the account's tries in the current window). A try is counted by one
 * upsert, whose row lock holds until the transaction ends.
 */
public final class R2dbcVerificationCodes implements VerificationCodes {
  private static final String COUNT_TRY =
      """
      INSERT INTO email_verification_tries AS t (user_id, tries, first_try_at)
      VALUES (:userId, 1, :now)
      ON CONFLICT (user_id) DO UPDATE SET
        tries = CASE WHEN t.first_try_at <= :windowStart THEN 1 ELSE t.tries + 1 END,
        first_try_at =
          CASE WHEN t.first_try_at <= :windowStart THEN EXCLUDED.first_try_at
               ELSE t.first_try_at END
      RETURNING tries""";

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
              SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at""")
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
  public Mono<Void> discard(UUID userId) {
    return database
        .sql("DELETE FROM email_verification_codes WHERE user_id = :userId")
        .bind("userId", userId)
        .then();
  }

  @Override
  public Mono<Integer> countTry(UUID userId, Instant now, Duration window) {
    return database
        .sql(COUNT_TRY)
        .bind("userId", userId)
        .bind("now", now)
        .bind("windowStart", now.minus(window))
        .map(row -> row.get("tries", Integer.class))
        .one();
  }

  @Override
  public Mono<Void> forgetTries(UUID userId) {
    return database
        .sql("DELETE FROM email_verification_tries WHERE user_id = :userId")
        .bind("userId", userId)
        .then();
  }
}
