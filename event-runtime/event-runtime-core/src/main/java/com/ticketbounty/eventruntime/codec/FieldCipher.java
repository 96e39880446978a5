package com.ticketbounty.eventruntime.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for sensitive event fields, with the JDK's provider. Each value gets a fresh 96-bit
 * nonce. The text form names its format and key: {@code v2:<key id>:<base64(nonce ‖ ciphertext ‖
 * tag)>}, sealed with the current key; its associated data binds the value to its {@link SealScope}
 * (the event's id and name, or the memo's run and step) and its path within the data.
 *
 * <p>The earlier format {@code v1:<base64>} (associated data: the field's name only, no key id)
 * still opens — with any of the keys — while {@code opensV1} is true, because such values wait in
 * outboxes, queues and memo rows during a rolling deploy. Nothing is sealed in it any more.
 */
public final class FieldCipher {
  private static final String V1 = "v1:";
  private static final String V2 = "v2:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EventKeys keys;
  private final boolean opensV1;

  public FieldCipher(EventKeys keys, boolean opensV1) {
    this.keys = keys;
    this.opensV1 = opensV1;
  }

  /**
   * One key, opening {@code v1} values too.
   *
   * @throws IllegalArgumentException when it is not base64 or not 32 bytes
   */
  public static FieldCipher fromBase64(String base64Key) {
    return new FieldCipher(EventKeys.of(base64Key, List.of()), true);
  }

  public EventKeys keys() {
    return keys;
  }

  /** {@code plaintext} sealed with the current key for {@code path} in {@code scope}. */
  public String seal(SealScope scope, String path, String plaintext) {
    EventKey key = keys.current();
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(scope.associatedData(key.id(), path));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return V2 + key.id() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /**
   * @throws UndecodableEventException naming the field when the value is not for {@code path} in
   *     {@code scope} (copied from elsewhere, or altered), names a key this service does not hold,
   *     or has a format it does not open
   */
  public String open(SealScope scope, String path, String sealed) throws UndecodableEventException {
    // A path found in the data is the sender's text: no line breaks into the logs.
    String field = "sealed field '%s' of %s".formatted(path.replaceAll("\\p{Cntrl}", "?"), scope);
    if (sealed.startsWith(V2)) {
      return openV2(scope, path, sealed.substring(V2.length()), field);
    }
    if (sealed.startsWith(V1)) {
      return openV1(path, sealed.substring(V1.length()), field);
    }
    throw new UndecodableEventException("%s has an unknown format".formatted(field));
  }

  private String openV2(SealScope scope, String path, String rest, String field)
      throws UndecodableEventException {
    int colon = rest.indexOf(':');
    String id = colon < 0 ? "" : rest.substring(0, colon);
    if (!KEY_ID.matcher(id).matches()) {
      // Not echoed: it is the sender's text, and it would go into logs as it is.
      throw new UndecodableEventException("%s names no key id".formatted(field));
    }
    EventKey key =
        keys.find(id)
            .orElseThrow(
                () ->
                    new UndecodableEventException(
                        "%s was sealed with key '%s', which this service does not hold (it holds %s)"
                            .formatted(field, id, keys.all().stream().map(EventKey::id).toList())));
    return decrypt(key.key(), scope.associatedData(id, path), rest.substring(colon + 1), field)
        .orElseThrow(() -> notOpening(field));
  }

  /** The field's name was the associated data, and the value names no key: try each. */
  private String openV1(String path, String base64, String field) throws UndecodableEventException {
    if (!opensV1) {
      throw new UndecodableEventException(
          "%s is in the retired v1 format (event-runtime.accept-v1-sealed-values is false)"
              .formatted(field));
    }
    byte[] aad = path.substring(path.lastIndexOf('.') + 1).getBytes(StandardCharsets.UTF_8);
    for (EventKey key : keys.all()) {
      Optional<String> opened = decrypt(key.key(), aad, base64, field);
      if (opened.isPresent()) {
        return opened.get();
      }
    }
    throw notOpening(field);
  }

  private static Optional<String> decrypt(
      SecretKeySpec key, byte[] aad, String base64, String field) throws UndecodableEventException {
    byte[] in;
    try {
      in = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new UndecodableEventException("%s is not base64".formatted(field));
    }
    if (in.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new UndecodableEventException("%s is truncated".formatted(field));
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(aad);
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  private static UndecodableEventException notOpening(String field) {
    return new UndecodableEventException(
        "%s does not open: it was sealed for another event, field or step, or altered"
            .formatted(field));
  }
}
