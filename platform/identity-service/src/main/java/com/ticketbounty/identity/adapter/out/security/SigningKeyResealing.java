package com.ticketbounty.identity.adapter.out.security;

import com.ticketbounty.identity.adapter.out.persistence.R2dbcSigningKeyStore;
import com.ticketbounty.identity.adapter.out.persistence.StoredSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * At start-up, seals every signing key — retired ones too — that a previous key-encryption key
 * sealed with the current one, so that once every instance has started with a new KEK, no row needs
 * the old one and it can be dropped from the settings. Only at start-up: during a rolling change an
 * instance still on the old KEK would otherwise seal back what a new one sealed.
 */
public final class SigningKeyResealing {
  private static final Logger log = LoggerFactory.getLogger(SigningKeyResealing.class);

  private final R2dbcSigningKeyStore store;
  private final KeyEncryptionKeys keyEncryptionKeys;

  public SigningKeyResealing(R2dbcSigningKeyStore store, KeyEncryptionKeys keyEncryptionKeys) {
    this.store = store;
    this.keyEncryptionKeys = keyEncryptionKeys;
  }

  /**
   * Reseals what needs it; fails, naming the key, when a row is sealed with a KEK this instance
   * does not have.
   *
   * @return how many rows this instance resealed
   */
  public Mono<Long> resealAll() {
    String current = keyEncryptionKeys.currentId();
    return store
        .sealedWithOtherThan(current)
        .concatMap(
            row ->
                Mono.fromCallable(() -> resealed(row))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(resealed -> store.reseal(resealed, row.kekId())))
        .filter(Boolean::booleanValue)
        .count()
        .doOnNext(
            count -> {
              if (count > 0) {
                log.info(
                    "Sealed {} signing key(s) again with key-encryption key {}", count, current);
              }
            });
  }

  private StoredSigningKey resealed(StoredSigningKey row) {
    KeyEncryptionKeys.Sealed sealed =
        keyEncryptionKeys.seal(row.kid(), keyEncryptionKeys.open(row.kid(), row.sealedJwk()));
    return new StoredSigningKey(
        row.kid(), sealed.kekId(), sealed.jwe(), row.createdAt(), row.retiredAt());
  }
}
