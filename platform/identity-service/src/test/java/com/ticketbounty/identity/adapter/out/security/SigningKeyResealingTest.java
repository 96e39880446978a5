package com.ticketbounty.identity.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.identity.adapter.out.persistence.R2dbcSigningKeyStore;
import com.ticketbounty.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating the key-encryption key on the real PostgreSQL: a start with a new current key seals
 * every row again, retired ones too, after which the old key is not needed; a key that opens
 * nothing stops the start naming the row.
 */
class SigningKeyResealingTest {
  private static final TestDatabase DATABASE = TestDatabase.create("identity_reseal");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String FIRST = key("the-first-key-encryption-key-32b");
  private static final String SECOND = key("the-second-key-encryption-key-32");
  private static SigningKeysDatabase keysDatabase;
  private final JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());

  @BeforeAll
  static void migrate() {
    keysDatabase = SigningKeysDatabase.migrated(DATABASE, KeyEncryptionKeys.of(FIRST, List.of()));
  }

  @AfterAll
  static void drop() {
    DATABASE.close();
  }

  @Test
  void aNewKeyEncryptionKeySealsEveryRowAgainAndTheOldOneIsNoLongerNeeded() {
    KeyEncryptionKeys first = KeyEncryptionKeys.of(FIRST, List.of());
    SigningKeyRing before = ring(first);
    before.initialize().block(TIMEOUT);
    keysDatabase
        .transactions()
        .transactional(new RotatingSigningKeys(store(), before).rotate())
        .block(TIMEOUT);
    String active = activeKid();
    assertThat(kekIds()).containsOnly(first.currentId()).hasSize(2);

    KeyEncryptionKeys rotated = KeyEncryptionKeys.of(SECOND, List.of(FIRST));
    assertThat(new SigningKeyResealing(store(), rotated).resealAll().block(TIMEOUT)).isEqualTo(2);
    assertThat(new SigningKeyResealing(store(), rotated).resealAll().block(TIMEOUT)).isZero();

    assertThat(kekIds()).containsOnly(rotated.currentId()).hasSize(2);
    SigningKeyRing after = ring(KeyEncryptionKeys.of(SECOND, List.of()));
    after.initialize().block(TIMEOUT);
    assertThat(after.active().getKeyID()).isEqualTo(active);
    assertThat(after.active().toPublicJWK()).isEqualTo(before.active().toPublicJWK());

    KeyEncryptionKeys stranger =
        KeyEncryptionKeys.of(key("a-key-that-sealed-nothing-here!!"), List.of());
    assertThatThrownBy(() -> new SigningKeyResealing(store(), stranger).resealAll().block(TIMEOUT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(rotated.currentId())
        .hasMessageContaining("IDENTITY_KEY_ENCRYPTION_PREVIOUS_KEYS");
  }

  private SigningKeyRing ring(KeyEncryptionKeys keys) {
    return new SigningKeyRing(store(), keys, Clock.systemUTC());
  }

  private static R2dbcSigningKeyStore store() {
    return keysDatabase.store();
  }

  private List<String> kekIds() {
    return jdbc.sql("SELECT kek_id FROM signing_keys").query(String.class).list();
  }

  private String activeKid() {
    return jdbc.sql("SELECT kid FROM signing_keys WHERE retired_at IS NULL")
        .query(String.class)
        .single();
  }

  private static String key(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
