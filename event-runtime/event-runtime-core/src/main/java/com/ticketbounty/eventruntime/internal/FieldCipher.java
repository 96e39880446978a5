package com.ticketbounty.eventruntime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for sensitive event fields, with the JDK's provider. Each value gets a fresh 96-bit
 * nonce; the field's name is authenticated with it, so a ciphertext cannot be moved to another
 * field unnoticed. The text form is {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}; the version
 * prefix leaves room for key rotation.
 */
public final class FieldCipher {
  private static final String VERSION = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private FieldCipher(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * @param base64Key a 256-bit key in base64 ({@code EVENT_ENCRYPTION_KEY})
   * @throws IllegalArgumentException when it is not base64 or not 32 bytes
   */
  public static FieldCipher fromBase64(String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the event encryption key is not base64");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException(
          "the event encryption key must be 256 bits (32 bytes), was " + key.length + " bytes");
    }
    return new FieldCipher(key);
  }

  public String encrypt(String field, String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /**
   * @throws UndecodableEventException when the value was not made by this key for this field
   */
  public String decrypt(String field, String sealedText) throws UndecodableEventException {
    if (!sealedText.startsWith(VERSION)) {
      throw new UndecodableEventException("sensitive field '" + field + "' has an unknown format");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealedText.substring(VERSION.length()));
      if (in.length <= NONCE_BYTES) {
        throw new UndecodableEventException("sensitive field '" + field + "' is truncated");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new UndecodableEventException(
          "sensitive field '" + field + "' cannot be decrypted with this key");
    }
  }
}
