package com.ticketbounty.identity.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.identity.domain.PlainPassword;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id at OWASP's parameters, and which stored hashes count as outdated. */
class Argon2PasswordHasherTest {
  private static final PlainPassword PASSWORD = PlainPassword.chosen("correct-horse", "password");

  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

  @AfterEach
  void close() {
    hasher.close();
  }

  @Test
  void hashesWithArgon2idAt19MebibytesTwoIterationsOneLane() {
    String hash = hasher.hash(PASSWORD).block();

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    String[] parts = hash.split("\\$");
    assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    assertThat(hasher.matches(PASSWORD, hash).block()).isTrue();
    assertThat(hasher.matches(PlainPassword.presented("wrong-horse"), hash).block()).isFalse();
    assertThat(hasher.isOutdated(hash)).isFalse();
  }

  @Test
  void aHashOfTheEarlierParametersIsOutdatedButStillMatches() {
    // What identity-service stored before: Spring Security 5.8's defaults (16 MiB, t = 2).
    String earlier = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("correct-horse");

    assertThat(earlier).contains("$m=16384,t=2,p=1$");
    assertThat(hasher.isOutdated(earlier)).isTrue();
    assertThat(hasher.matches(PASSWORD, earlier).block()).isTrue();
  }

  @Test
  void aHashWithFewerIterationsIsOutdatedAndAStrongerOneIsNot() {
    String fewer = new Argon2PasswordEncoder(16, 32, 1, 19456, 1).encode("correct-horse");
    String stronger = new Argon2PasswordEncoder(16, 32, 1, 47104, 3).encode("correct-horse");

    assertThat(hasher.isOutdated(fewer)).isTrue();
    assertThat(hasher.isOutdated(stronger)).isFalse();
    assertThat(hasher.isOutdated("not-an-argon2-hash")).isFalse();
  }

  @Test
  void anUnknownAccountIsCheckedAgainstADummyHashAndNeverMatches() {
    assertThat(hasher.matches(PASSWORD, null).block()).isFalse();
  }
}
