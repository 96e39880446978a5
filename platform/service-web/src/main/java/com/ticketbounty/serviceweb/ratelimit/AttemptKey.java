package com.ticketbounty.serviceweb.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an attempt is counted against: a kind ({@code client}, {@code account}, …) and its value.
 * The store keeps only the SHA-256 of the value, so its table holds no address, e-mail or token in
 * clear, and every key has one size however long the request made the value.
 *
 * @param kind what the value is; keys of different kinds never share a bucket
 * @param value the client address, the account, …; normalised by the caller
 */
public record AttemptKey(String kind, String value) {

  /** The client address the request came from. */
  public static AttemptKey client(String address) {
    return new AttemptKey("client", address);
  }

  /** The account attempted: its id, or its e-mail address as the caller normalises it. */
  public static AttemptKey account(String account) {
    return new AttemptKey("account", account);
  }

  /** The bucket's id in the store: endpoint, kind and the value's digest. */
  String in(String endpoint) {
    return "%s:%s:%s".formatted(endpoint, kind, sha256(value));
  }

  /** Without the value, which may be a secret (a reset token). */
  @Override
  public String toString() {
    return "AttemptKey[" + kind + "]";
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
