package com.ticketbounty.eventruntime.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key of the event keys, with its id: the first 4 bytes of the SHA-256 of the key, in
 * hex ({@code 1a2b3c4d}). The id is derived, not configured, so it can never name other bytes on
 * another service; it travels in every sealed value so that an opener picks the key at once, and an
 * operator can find what is still sealed with a key before retiring it. A 32-bit fingerprint of a
 * random 256-bit key tells nothing about the key.
 *
 * @param id the key's id
 * @param key the key, for {@code javax.crypto}
 */
public record EventKey(String id, SecretKeySpec key) {
  private static final int BYTES = 32;

  /**
   * @param base64Key a 256-bit key in base64
   * @param name what the key is called in a message, such as {@code EVENT_ENCRYPTION_KEY}; the key
   *     itself is never shown
   * @throws IllegalArgumentException when it is not base64 or not 32 bytes
   */
  public static EventKey fromBase64(String base64Key, String name) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%s is not base64".formatted(name));
    }
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException(
          "%s must be 256 bits (32 bytes), was %d bytes".formatted(name, bytes.length));
    }
    return new EventKey(idOf(bytes), new SecretKeySpec(bytes, "AES"));
  }

  static String idOf(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "EventKey[" + id + "]";
  }
}
