package com.ticketbounty.identity.adapter.out.security;

import com.ticketbounty.identity.adapter.out.persistence.R2dbcSigningKeyStore;
import com.ticketbounty.identity.application.SigningKeys;
import java.util.Map;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * {@link SigningKeys} over the store and this instance's ring. A rotation takes effect here once
 * its transaction has committed, so a rolled-back rotation never signs a token.
 */
public final class RotatingSigningKeys implements SigningKeys {
  private final R2dbcSigningKeyStore store;
  private final SigningKeyRing ring;

  public RotatingSigningKeys(R2dbcSigningKeyStore store, SigningKeyRing ring) {
    this.store = store;
    this.ring = ring;
  }

  @Override
  public Mono<String> rotate() {
    return ring.newKey()
        .flatMap(key -> store.rotate(key).then(reloadAfterCommit()).thenReturn(key.kid()));
  }

  private Mono<Void> reloadAfterCommit() {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .doOnNext(
            transaction ->
                transaction.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public Mono<Void> afterCommit() {
                        return ring.reload();
                      }
                    }))
        .then();
  }

  @Override
  public Mono<Map<String, Object>> publicKeySet() {
    return Mono.fromSupplier(() -> ring.verifying().toPublicJWKSet().toJSONObject());
  }
}
