package com.ticketbounty.identity.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.ticketbounty.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Several instances starting or rotating at once on the real PostgreSQL: they end with exactly one
 * active key, and every instance signs with it; a reload that read before a rotation never takes an
 * instance back to the retired key.
 */
class SigningKeyRingTest {
  private static final TestDatabase DATABASE = TestDatabase.create("identity_keys");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final KeyEncryptionKeys KEYS =
      KeyEncryptionKeys.of(KeyEncryptionKeys.DEVELOPMENT_KEY, List.of());
  private static SigningKeysDatabase keysDatabase;
  private final JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());

  @BeforeAll
  static void migrate() {
    keysDatabase = SigningKeysDatabase.migrated(DATABASE, KEYS);
  }

  @AfterAll
  static void drop() {
    DATABASE.close();
  }

  @Test
  void instancesStartingTogetherEndWithOneActiveKeyAndSignWithIt() {
    List<SigningKeyRing> rings = IntStream.range(0, 6).mapToObj(i -> ring()).toList();

    Flux.fromIterable(rings)
        .flatMap(ring -> ring.initialize().subscribeOn(Schedulers.parallel()))
        .then()
        .block(TIMEOUT);

    assertThat(activeKeys()).isEqualTo(1);
    assertThat(rings.stream().map(ring -> ring.active().getKeyID()).distinct()).hasSize(1);
  }

  @Test
  void rotationsAtOnceFollowEachOtherAndLeaveOneActiveKey() {
    SigningKeyRing ring = ring();
    ring.initialize().block(TIMEOUT);
    String before = ring.active().getKeyID();
    TransactionalOperator transactions = keysDatabase.transactions();
    RotatingSigningKeys keys = new RotatingSigningKeys(keysDatabase.store(), ring);

    Flux.range(0, 4)
        .flatMap(i -> transactions.transactional(keys.rotate()).subscribeOn(Schedulers.parallel()))
        .then()
        .block(TIMEOUT);

    assertThat(activeKeys()).isEqualTo(1);
    assertThat(ring.active().getKeyID()).isNotEqualTo(before);
    // The retired keys still verify: their tokens may be live for another 15 minutes.
    assertThat(ring.verifying().getKeys()).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void aReloadThatReadBeforeARotationAndEndsAfterItKeepsTheRotatedKey() {
    SigningKeyRing ring = ring();
    ring.initialize().block(TIMEOUT);
    String before = ring.active().getKeyID();
    SigningKeyRing.Snapshot readBefore = ring.load().block(TIMEOUT);
    RotatingSigningKeys keys = new RotatingSigningKeys(keysDatabase.store(), ring);

    String rotated = keysDatabase.transactions().transactional(keys.rotate()).block(TIMEOUT);
    ring.hold(readBefore);

    assertThat(ring.active().getKeyID()).isEqualTo(rotated);
    assertThat(ring.verifying().getKeys()).extracting(JWK::getKeyID).contains(before, rotated);
  }

  private SigningKeyRing ring() {
    return new SigningKeyRing(keysDatabase.store(), KEYS, Clock.systemUTC());
  }

  private long activeKeys() {
    return jdbc.sql("SELECT count(*) FROM signing_keys WHERE retired_at IS NULL")
        .query(Long.class)
        .single();
  }
}
