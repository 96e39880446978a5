package com.ticketbounty.identity.adapter.out.security;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys (KEKs) that seal identity's signing keys at rest: the current one seals,
 * every one — current and previous — opens what it sealed. A sealed key is a JWE (RFC 7516, as RFC
 * 7517 §7 encrypts a JWK): direct AES-256-GCM, whose protected header names the KEK ({@code kid})
 * and the signing key it holds ({@value #SEALED_KID}). The header is the cipher's associated data,
 * so a sealed key copied into another key's row does not open.
 *
 * <p>A KEK's id is the first 16 hex digits of the SHA-256 of its 32 bytes: derived, so that an
 * operator lists keys and nothing else, and two spellings of one key are one id.
 */
public final class KeyEncryptionKeys {
  /** identity-service's development KEK; the {@code prod} profile refuses it. */
  public static final String DEVELOPMENT_KEY = "aWRlbnRpdHkta2VrLWRldmVsb3BtZW50LW9ubHktMzI=";

  static final String SEALED_KID = "sealed_kid";
  private static final String CONTENT_TYPE = "jwk+json";
  private static final int KEY_BYTES = 32;

  private final String currentId;
  private final Map<String, SecretKey> byId;

  private KeyEncryptionKeys(String currentId, Map<String, SecretKey> byId) {
    this.currentId = currentId;
    this.byId = byId;
  }

  /**
   * @param current base64 of 32 bytes ({@code IDENTITY_KEY_ENCRYPTION_KEY})
   * @param previous base64 keys that sealed rows earlier ({@code
   *     IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS}); blanks are skipped
   * @throws IllegalArgumentException naming the setting whose key is not 32 bytes of base64
   */
  public static KeyEncryptionKeys of(String current, List<String> previous) {
    Map<String, SecretKey> byId = new LinkedHashMap<>();
    SecretKey currentKey = parseKey(current, "IDENTITY_KEY_ENCRYPTION_KEY");
    String currentId = idOf(currentKey);
    byId.put(currentId, currentKey);
    List<String> given = previous.stream().filter(key -> !key.isBlank()).toList();
    for (int i = 0; i < given.size(); i++) {
      SecretKey key =
          parseKey(
              given.get(i),
              "IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS (key %d of %d)"
                  .formatted(i + 1, given.size()));
      byId.putIfAbsent(idOf(key), key);
    }
    return new KeyEncryptionKeys(currentId, Map.copyOf(byId));
  }

  /** The id of the KEK that seals. */
  public String currentId() {
    return currentId;
  }

  /** Seals the JWK JSON of signing key {@code kid} with the current KEK. */
  public Sealed seal(String kid, String jwkJson) {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(currentId)
                .contentType(CONTENT_TYPE)
                .customParam(SEALED_KID, kid)
                .build(),
            new Payload(jwkJson));
    try {
      jwe.encrypt(new DirectEncrypter(byId.get(currentId)));
    } catch (JOSEException e) {
      throw new IllegalStateException("sealing signing key %s failed".formatted(kid), e);
    }
    return new Sealed(currentId, jwe.serialize());
  }

  /**
   * Opens what {@link #seal} sealed for signing key {@code kid}.
   *
   * @throws IllegalStateException when no KEK here sealed it, or it was sealed for another key, or
   *     it was changed
   */
  public String open(String kid, String sealed) {
    JWEObject jwe = parseSealed(kid, sealed);
    JWEHeader header = jwe.getHeader();
    if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())
        || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
      throw new IllegalStateException(
          "signing key %s is not sealed with direct AES-256-GCM".formatted(kid));
    }
    if (!kid.equals(header.getCustomParam(SEALED_KID))) {
      throw new IllegalStateException(
          "the row of signing key %s holds a key sealed for %s"
              .formatted(kid, header.getCustomParam(SEALED_KID)));
    }
    SecretKey key = byId.get(String.valueOf(header.getKeyID()));
    if (key == null) {
      throw new IllegalStateException(
          ("signing key %s is sealed with key-encryption key %s, which is neither"
                  + " IDENTITY_KEY_ENCRYPTION_KEY nor one of IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS")
              .formatted(kid, header.getKeyID()));
    }
    try {
      jwe.decrypt(new DirectDecrypter(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(
          "signing key %s does not open with key-encryption key %s: %s"
              .formatted(kid, header.getKeyID(), e.getMessage()),
          e);
    }
    return jwe.getPayload().toString();
  }

  private static JWEObject parseSealed(String kid, String sealed) {
    try {
      return JWEObject.parse(sealed);
    } catch (ParseException e) {
      throw new IllegalStateException("signing key %s is not a sealed key (JWE)".formatted(kid), e);
    }
  }

  private static SecretKey parseKey(String base64, String setting) {
    byte[] bytes;
    try {
      bytes =
          Base64.getDecoder()
              .decode(
                  base64
                      .replaceAll("\\s", "")
                      .replace('-', '+')
                      .replace('_', '/')
                      .replaceAll("=+$", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%s is not base64".formatted(setting));
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "%s must be %d bytes in base64 (an AES-256 key), not %d"
              .formatted(setting, KEY_BYTES, bytes.length));
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static String idOf(SecretKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * A signing key as stored.
   *
   * @param kekId the KEK that sealed it
   * @param jwe the JWE compact serialization
   */
  public record Sealed(String kekId, String jwe) {
    @Override
    public String toString() {
      return "Sealed[" + kekId + "]";
    }
  }
}
