package com.ticketbounty.identity.adapter.out.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.ticketbounty.identity.adapter.out.persistence.R2dbcSigningKeyStore;
import com.ticketbounty.identity.adapter.out.persistence.StoredSigningKey;
import com.ticketbounty.identity.domain.Lifetimes;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The signing keys as this instance knows them: the active one signs, and every one that may have
 * signed a live token verifies. Held in memory, opened (signing and verifying never wait for the
 * database), and reloaded from the store after a rotation here and periodically, so a rotation on
 * another instance is seen within one reload period. In the store they are sealed with the current
 * key-encryption key.
 */
public final class SigningKeyRing {
  private static final int KEY_BITS = 2048;

  private final R2dbcSigningKeyStore store;
  private final KeyEncryptionKeys keyEncryptionKeys;
  private final Clock clock;
  // Null until the first load.
  private final AtomicReference<@Nullable Snapshot> snapshot = new AtomicReference<>();

  public SigningKeyRing(
      R2dbcSigningKeyStore store, KeyEncryptionKeys keyEncryptionKeys, Clock clock) {
    this.store = store;
    this.keyEncryptionKeys = keyEncryptionKeys;
    this.clock = clock;
  }

  /** Makes sure an active key exists (creating one at first start-up), then loads the ring. */
  public Mono<Void> initialize() {
    return newKey().flatMap(store::addIfNoneActive).then(reload());
  }

  /** Reads the usable keys from the store and holds them ({@link #hold}). */
  public Mono<Void> reload() {
    return load().doOnNext(this::hold).then();
  }

  /** The usable keys as the store has them now, opened. */
  Mono<Snapshot> load() {
    return store
        .usable(clock.instant().minus(Lifetimes.ACCESS_TOKEN))
        .collectList()
        .map(this::parse);
  }

  /**
   * Holds {@code loaded} unless what is held was read later: reloads run at once (one after each
   * rotation that commits here, and the periodic one), and the one that read first may end last.
   */
  void hold(Snapshot loaded) {
    snapshot.updateAndGet(held -> loaded.olderThan(held) ? held : loaded);
  }

  /** A fresh RSA key pair as a row to store, sealed; generated off the request threads. */
  Mono<StoredSigningKey> newKey() {
    return Mono.fromCallable(
            () -> {
              RSAKey key =
                  new RSAKeyGenerator(KEY_BITS)
                      .keyID(UUID.randomUUID().toString())
                      .keyUse(KeyUse.SIGNATURE)
                      .algorithm(JWSAlgorithm.RS256)
                      .generate();
              KeyEncryptionKeys.Sealed sealed =
                  keyEncryptionKeys.seal(key.getKeyID(), key.toJSONString());
              return new StoredSigningKey(
                  key.getKeyID(),
                  sealed.kekId(),
                  sealed.jwe(),
                  clock.instant().truncatedTo(ChronoUnit.MICROS),
                  null);
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** The key that signs new tokens. */
  public RSAKey active() {
    return current().active();
  }

  /**
   * Every key that verifies: the active one and those retired less than a token lifetime ago
   * (checked against the clock now, not at the last reload).
   */
  public JWKSet verifying() {
    Instant oldest = clock.instant().minus(Lifetimes.ACCESS_TOKEN);
    List<JWK> keys =
        current().keys().stream()
            .filter(key -> key.retiredAt() == null || key.retiredAt().isAfter(oldest))
            .map(key -> (JWK) key.key())
            .toList();
    return new JWKSet(keys);
  }

  private Snapshot current() {
    Snapshot loaded = snapshot.get();
    if (loaded == null) {
      throw new IllegalStateException("the signing keys are not loaded yet");
    }
    return loaded;
  }

  private Snapshot parse(List<StoredSigningKey> rows) {
    List<LoadedKey> keys = rows.stream().map(this::open).toList();
    RSAKey active =
        keys.stream()
            .filter(key -> key.retiredAt() == null)
            .map(LoadedKey::key)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no active signing key is stored"));
    return new Snapshot(active, keys);
  }

  private LoadedKey open(StoredSigningKey row) {
    try {
      return new LoadedKey(
          RSAKey.parse(keyEncryptionKeys.open(row.kid(), row.sealedJwk())), row.retiredAt());
    } catch (ParseException e) {
      throw new IllegalStateException("signing key " + row.kid() + " is not a valid RSA JWK", e);
    }
  }

  /** Keeps the checked exception of Nimbus's generator out of callers' signatures. */
  static IllegalStateException failed(JOSEException e) {
    return new IllegalStateException("signing failed: " + e.getMessage(), e);
  }

  private record LoadedKey(RSAKey key, @Nullable Instant retiredAt) {}

  /** The keys as one read of the store found them. */
  record Snapshot(RSAKey active, List<LoadedKey> keys) {
    /**
     * Whether this was read before {@code held}: its active key is retired there. A key is retired
     * once and never made active again, so that order needs no clock.
     */
    boolean olderThan(@Nullable Snapshot held) {
      return held != null
          && held.keys().stream()
              .anyMatch(
                  key ->
                      key.retiredAt() != null && key.key().getKeyID().equals(active().getKeyID()));
    }
  }
}
