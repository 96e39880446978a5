package com.ticketbounty.identity.adapter.out.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code signing_keys}: the key pair sealed at rest, never in clear.
 *
 * @param kekId the key-encryption key that sealed it
 * @param sealedJwk the RSA key pair's JWK, sealed (a JWE)
 * @param retiredAt when it stopped signing; null for the one active key
 */
public record StoredSigningKey(
    String kid, String kekId, String sealedJwk, Instant createdAt, @Nullable Instant retiredAt) {
  @Override
  public String toString() {
    return "StoredSigningKey[%s, sealed with %s, created %s, retired %s]"
        .formatted(kid, kekId, createdAt, retiredAt);
  }
}
