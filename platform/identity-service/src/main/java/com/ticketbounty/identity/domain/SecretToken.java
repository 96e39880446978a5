package com.ticketbounty.identity.domain;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random bearer secret (a refresh or password-reset token): 32 random bytes, base64url without
 * padding. Only its {@link #hash()} is ever stored; the value goes to its owner once and never
 * prints itself.
 */
public final class SecretToken {
  private static final int BYTES = 32;

  private final String value;

  private SecretToken(String value) {
    this.value = value;
  }

  public static SecretToken generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The value to hand to its owner. */
  public String reveal() {
    return value;
  }

  /** What the store keeps and looks up by. */
  public String hash() {
    return hashOf(value);
  }

  /** The hash of a token as a caller presented it. */
  public static String hashOf(String presented) {
    return Sha256.hex(presented);
  }

  @Override
  public String toString() {
    return "[redacted]";
  }
}
