package com.ticketbounty.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sessions, accounts' versions, and the random secrets that prove who someone is. */
class SessionAndSecretsTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final SecureRandom random = new SecureRandom();

  @Test
  void aSessionRefreshesForThirtyDaysFromItsLatestToken() {
    SecretToken first = SecretToken.generate(random);
    Session session = Session.start(UUID.randomUUID(), UUID.randomUUID(), first, NOW);

    assertThat(session.refreshTokenHash()).isEqualTo(first.hash());
    assertThat(session.canRefresh(NOW.plus(Duration.ofDays(30)).minusSeconds(1))).isTrue();
    assertThat(session.canRefresh(NOW.plus(Duration.ofDays(30)))).isFalse();

    SecretToken second = SecretToken.generate(random);
    Session rotated = session.rotated(second, NOW.plus(Duration.ofDays(10)));
    assertThat(rotated.refreshTokenHash()).isEqualTo(second.hash()).isNotEqualTo(first.hash());
    assertThat(rotated.canRefresh(NOW.plus(Duration.ofDays(39)))).isTrue();
  }

  @Test
  void anEndedSessionStaysEndedWithItsFirstReason() {
    Session session =
        Session.start(UUID.randomUUID(), UUID.randomUUID(), SecretToken.generate(random), NOW);

    Session ended = session.ended(SessionEndReason.SIGN_OUT, NOW.plusSeconds(5));
    Session again = ended.ended(SessionEndReason.PASSWORD_CHANGED, NOW.plusSeconds(9));

    assertThat(again.endReason()).contains(SessionEndReason.SIGN_OUT);
    assertThat(again.canRefresh(NOW.plusSeconds(10))).isFalse();
    assertThat(again.tokensValidUntil()).contains(NOW.plusSeconds(5).plus(Duration.ofMinutes(15)));
  }

  @Test
  void secretTokensAreLongRandomUrlSafeAndNeverPrinted() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      SecretToken token = SecretToken.generate(random);
      assertThat(token.reveal()).matches("[A-Za-z0-9_-]{43}");
      assertThat(seen.add(token.reveal())).isTrue();
      assertThat(token.hash())
          .matches("[0-9a-f]{64}")
          .isEqualTo(SecretToken.hashOf(token.reveal()));
      assertThat(token.toString()).doesNotContain(token.reveal());
    }
  }

  @Test
  void verificationCodesAreEightLettersHashedPerAccountAndReadWhateverTheCase() {
    UUID user = UUID.randomUUID();
    VerificationCode code = VerificationCode.generate(random);

    assertThat(code.reveal()).matches("[A-Z]{8}");
    assertThat(VerificationCode.hashOf(user, " " + code.reveal().toLowerCase() + " "))
        .isEqualTo(code.hashFor(user));
    assertThat(code.hashFor(UUID.randomUUID())).isNotEqualTo(code.hashFor(user));
    assertThat(code.toString()).doesNotContain(code.reveal());
  }

  @Test
  void aProfileChangeRaisesTheVersionAndNothingElseDoes() {
    User user =
        User.signUp(
            UUID.randomUUID(),
            Username.of("ada"),
            new EmailAddress("ada@example.com"),
            "hash",
            Role.USER,
            NOW);

    assertThat(user.version()).isEqualTo(1);
    assertThat(user.withProfile(user.username(), user.preference(), NOW)).isSameAs(user);
    assertThat(user.withProfile(Username.of("lovelace"), user.preference(), NOW).version())
        .isEqualTo(2);
    assertThat(user.withPasswordHash("other", NOW).version()).isEqualTo(1);
    assertThat(user.verified(NOW).emailVerifiedAt()).contains(NOW);
    assertThat(user.verified(NOW).version()).isEqualTo(1);
  }
}
