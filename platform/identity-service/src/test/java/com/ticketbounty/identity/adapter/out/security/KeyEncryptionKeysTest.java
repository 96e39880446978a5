package com.ticketbounty.identity.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sealing signing keys with the key-encryption keys: what opens, and what does not. */
class KeyEncryptionKeysTest {
  private static final String OLD = key("an-earlier-key-encryption-key-32");
  private static final String NEW = key("the-current-key-encryption-key!!");

  @Test
  void sealsAKeyPairSoThatNoPrivateMemberShowsAndOpensItAgain() throws Exception {
    RSAKey pair = new RSAKeyGenerator(2048).keyID("k1").generate();
    KeyEncryptionKeys keys = KeyEncryptionKeys.of(NEW, List.of());

    KeyEncryptionKeys.Sealed sealed = keys.seal("k1", pair.toJSONString());

    assertThat(sealed.kekId()).isEqualTo(keys.currentId());
    for (String member : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
      assertThat(sealed.jwe()).doesNotContain(member);
    }
    assertThat(sealed.jwe()).doesNotContain(pair.getPrivateExponent().toString());
    JWEObject jwe = JWEObject.parse(sealed.jwe());
    assertThat(jwe.getHeader().getKeyID()).isEqualTo(keys.currentId());
    assertThat(jwe.getHeader().getCustomParam("sealed_kid")).isEqualTo("k1");
    assertThat(RSAKey.parse(keys.open("k1", sealed.jwe()))).isEqualTo(pair);
  }

  @Test
  void aPreviousKeyOpensWhatItSealedAndTheCurrentOneSeals() {
    KeyEncryptionKeys before = KeyEncryptionKeys.of(OLD, List.of());
    String sealedBefore = before.seal("k1", "{\"kty\":\"RSA\"}").jwe();
    KeyEncryptionKeys after = KeyEncryptionKeys.of(NEW, List.of(OLD));

    assertThat(after.open("k1", sealedBefore)).isEqualTo("{\"kty\":\"RSA\"}");
    assertThat(after.seal("k1", "{}").kekId()).isEqualTo(after.currentId());
    assertThat(after.currentId()).isNotEqualTo(before.currentId());
  }

  @Test
  void aKeySealedWithAKeyNoLongerConfiguredDoesNotOpenAndTheMessageSaysWhichSettingToFix() {
    String sealed = KeyEncryptionKeys.of(OLD, List.of()).seal("k1", "{}").jwe();

    assertThatThrownBy(() -> KeyEncryptionKeys.of(NEW, List.of()).open("k1", sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("k1")
        .hasMessageContaining(KeyEncryptionKeys.of(OLD, List.of()).currentId())
        .hasMessageContaining("IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS");
  }

  @Test
  void aSealedKeyMovedToAnotherKeysRowDoesNotOpenNorDoesOneWhoseHeaderWasRewritten() {
    KeyEncryptionKeys keys = KeyEncryptionKeys.of(NEW, List.of());
    String sealed = keys.seal("k1", "{}").jwe();

    assertThatThrownBy(() -> keys.open("k2", sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sealed for k1");

    // The header claims k2 now; it is the cipher's associated data, so the tag no longer fits.
    String[] parts = sealed.split("\\.", -1);
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    parts[0] =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(header.replace("\"k1\"", "\"k2\"").getBytes(StandardCharsets.UTF_8));
    String rewritten = String.join(".", parts);
    assertThatThrownBy(() -> keys.open("k2", rewritten))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void namesAKeyByTheFirst16HexDigitsOfItsSha256WhateverItsSpelling() throws Exception {
    byte[] bytes = Base64.getDecoder().decode(NEW);
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);

    assertThat(KeyEncryptionKeys.of(NEW, List.of()).currentId()).isEqualTo(expected);
    String unpaddedUrlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThat(KeyEncryptionKeys.of(unpaddedUrlSafe, List.of()).currentId()).isEqualTo(expected);
  }

  @Test
  void refusesAKeyThatIsNot32BytesOfBase64NamingTheSetting() {
    assertThatThrownBy(() -> KeyEncryptionKeys.of(key("too-short"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IDENTITY_KEY_ENCRYPTION_KEY must be 32 bytes");
    assertThatThrownBy(() -> KeyEncryptionKeys.of(NEW, List.of("", "not base64!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS (key 1 of 1)");
  }

  private static String key(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
