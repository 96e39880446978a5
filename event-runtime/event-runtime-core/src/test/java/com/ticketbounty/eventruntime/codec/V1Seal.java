package com.ticketbounty.eventruntime.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a value the way releases before key rotation did — {@code v1:<base64(nonce ‖ ciphertext ‖
 * tag)>}, AES-256-GCM, the field's name as associated data — written out here, independently of
 * {@link FieldCipher}, to pin that such values (in outboxes, queues and memo rows during a rolling
 * deploy) still open.
 */
final class V1Seal {
  private V1Seal() {}

  static String seal(String base64Key, String field, String plaintextJson) {
    try {
      byte[] nonce = new byte[12];
      new SecureRandom().nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
          new GCMParameterSpec(128, nonce));
      cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintextJson.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return "v1:" + Base64.getEncoder().encodeToString(out);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
