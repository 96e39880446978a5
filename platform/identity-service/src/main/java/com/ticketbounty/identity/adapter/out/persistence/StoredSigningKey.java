package com.ticketbounty.identity.adapter.out.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code signing_keys}.
 *
 * @param jwk the RSA key pair as JWK JSON
 * @param retiredAt when it stopped signing; null for the one active key
 */
public record StoredSigningKey(
    String kid, String jwk, Instant createdAt, @Nullable Instant retiredAt) {
  @Override
  public String toString() {
    return "StoredSigningKey[" + kid + ", created " + createdAt + ", retired " + retiredAt + "]";
  }
}
