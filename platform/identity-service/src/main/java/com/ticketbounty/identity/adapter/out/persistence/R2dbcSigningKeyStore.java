package com.ticketbounty.identity.adapter.out.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code signing_keys} table, whose rows hold each key pair sealed (see {@code
 * KeyEncryptionKeys}). A partial unique index allows one active key (retired_at null) at most,
 * whatever instances start or rotate at once; rotation also takes a transaction-scoped advisory
 * lock so that two rotations run one after the other instead of one failing.
 */
public final class R2dbcSigningKeyStore {
  // Any constant shared by every instance; it names the lock in pg_locks.
  private static final long ROTATION_LOCK = 0x1D_5161_4B45_59L;

  private static final String COLUMNS = "kid, kek_id, sealed_jwk, created_at, retired_at";

  private final DatabaseClient database;

  public R2dbcSigningKeyStore(DatabaseClient database) {
    this.database = database;
  }

  /**
   * Stores {@code key} as the active key unless there is one already (another instance may have won
   * the race).
   *
   * @return whether it was stored
   */
  public Mono<Boolean> addIfNoneActive(StoredSigningKey key) {
    return database
        .sql(
            "INSERT INTO signing_keys (kid, kek_id, sealed_jwk, created_at)"
                + " VALUES (:kid, :kekId, :sealed, :createdAt) ON CONFLICT DO NOTHING")
        .bind("kid", key.kid())
        .bind("kekId", key.kekId())
        .bind("sealed", key.sealedJwk())
        .bind("createdAt", key.createdAt())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** Retires the active key and stores {@code next} as active; inside the caller's transaction. */
  public Mono<Void> rotate(StoredSigningKey next) {
    Mono<Void> lock =
        database.sql("SELECT pg_advisory_xact_lock(:lock)").bind("lock", ROTATION_LOCK).then();
    Mono<Long> retire =
        database
            .sql("UPDATE signing_keys SET retired_at = :now WHERE retired_at IS NULL")
            .bind("now", next.createdAt())
            .fetch()
            .rowsUpdated();
    Mono<Long> insert =
        database
            .sql(
                "INSERT INTO signing_keys (kid, kek_id, sealed_jwk, created_at)"
                    + " VALUES (:kid, :kekId, :sealed, :createdAt)")
            .bind("kid", next.kid())
            .bind("kekId", next.kekId())
            .bind("sealed", next.sealedJwk())
            .bind("createdAt", next.createdAt())
            .fetch()
            .rowsUpdated();
    return lock.then(retire).then(insert).then();
  }

  /** The active key and every key retired after {@code retiredAfter}, newest first. */
  public Flux<StoredSigningKey> usable(Instant retiredAfter) {
    return database
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM signing_keys"
                + " WHERE retired_at IS NULL OR retired_at > :after ORDER BY created_at DESC")
        .bind("after", retiredAfter)
        .map(R2dbcSigningKeyStore::toKey)
        .all();
  }

  /** Every key, retired ones too, sealed with another key-encryption key than {@code kekId}. */
  public Flux<StoredSigningKey> sealedWithOtherThan(String kekId) {
    return database
        .sql("SELECT " + COLUMNS + " FROM signing_keys WHERE kek_id <> :kekId ORDER BY kid")
        .bind("kekId", kekId)
        .map(R2dbcSigningKeyStore::toKey)
        .all();
  }

  /**
   * Replaces the sealed form of {@code resealed.kid()}, provided it is still sealed with {@code
   * previousKekId}: of instances resealing at once, one wins and the others change nothing.
   *
   * @return whether it was replaced
   */
  public Mono<Boolean> reseal(StoredSigningKey resealed, String previousKekId) {
    return database
        .sql(
            "UPDATE signing_keys SET kek_id = :kekId, sealed_jwk = :sealed"
                + " WHERE kid = :kid AND kek_id = :previous")
        .bind("kekId", resealed.kekId())
        .bind("sealed", resealed.sealedJwk())
        .bind("kid", resealed.kid())
        .bind("previous", previousKekId)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  private static StoredSigningKey toKey(Readable row) {
    return new StoredSigningKey(
        row.get("kid", String.class),
        row.get("kek_id", String.class),
        row.get("sealed_jwk", String.class),
        row.get("created_at", Instant.class),
        row.get("retired_at", Instant.class));
  }
}
