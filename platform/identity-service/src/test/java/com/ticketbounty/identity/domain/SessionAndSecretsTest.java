package com.ticketbounty.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.identity.domain.RefreshToken.Presentation;
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
  void aRefreshTokenLastsThirtyDaysButNeverPastItsSessionsAbsoluteLifetime() {
    Session session = Session.start(UUID.randomUUID(), UUID.randomUUID(), NOW);
    SessionPolicy policy = SessionPolicy.DEFAULT;

    RefreshToken first = RefreshToken.issue(SecretToken.generate(random), session, NOW, policy);
    RefreshToken late =
        RefreshToken.issue(
            SecretToken.generate(random), session, NOW.plus(Duration.ofDays(20)), policy);

    assertThat(first.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(late.expiresAt()).isEqualTo(session.expiresAt(policy));
    assertThat(session.expiresAt(policy)).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(first.presented(session, NOW.plus(Duration.ofDays(30)).minusSeconds(1), policy))
        .isEqualTo(Presentation.FIRST_USE);
    assertThat(late.presented(session, NOW.plus(Duration.ofDays(30)), policy))
        .isEqualTo(Presentation.REFUSED);
  }

  @Test
  void aSpentTokenBuysAnotherPairWithinTheGraceWindowAndEndsTheSessionAfterIt() {
    SessionPolicy policy = SessionPolicy.DEFAULT;
    Session session = Session.start(UUID.randomUUID(), UUID.randomUUID(), NOW);
    RefreshToken token = RefreshToken.issue(SecretToken.generate(random), session, NOW, policy);
    Instant spentAt = NOW.plus(Duration.ofHours(1));
    RefreshToken spent = token.spent(spentAt);

    assertThat(spent.spent(spentAt.plusSeconds(5)).spentAt()).contains(spentAt);
    assertThat(spent.presented(session, spentAt.plusMillis(100), policy))
        .isEqualTo(Presentation.WITHIN_GRACE);
    assertThat(spent.presented(session, spentAt.plusSeconds(10).minusNanos(1), policy))
        .isEqualTo(Presentation.WITHIN_GRACE);
    assertThat(spent.presented(session, spentAt.plusSeconds(10), policy))
        .isEqualTo(Presentation.REUSE);
  }

  @Test
  void refusesEveryTokenOfAnEndedSessionAndAnExpiredOneWithoutEndingAnything() {
    SessionPolicy policy =
        new SessionPolicy(Duration.ofDays(90), Duration.ofDays(1), Duration.ZERO);
    Session session = Session.start(UUID.randomUUID(), UUID.randomUUID(), NOW);
    RefreshToken token = RefreshToken.issue(SecretToken.generate(random), session, NOW, policy);
    Session ended = session.ended(SessionEndReason.SIGN_OUT, NOW.plusSeconds(1));

    assertThat(token.presented(ended, NOW.plusSeconds(2), policy)).isEqualTo(Presentation.REFUSED);
    assertThat(token.spent(NOW).presented(ended, NOW.plus(Duration.ofHours(1)), policy))
        .isEqualTo(Presentation.REFUSED);
    assertThat(token.presented(session, NOW.plus(Duration.ofDays(1)), policy))
        .isEqualTo(Presentation.REFUSED);
    // No grace at all: a spent token again is reuse at once.
    assertThat(token.spent(NOW).presented(session, NOW, policy)).isEqualTo(Presentation.REUSE);
  }

  @Test
  void refusesASessionPolicyWithoutALifetimeOrWithAGraceOverAMinute() {
    assertThatThrownBy(() -> new SessionPolicy(Duration.ZERO, Duration.ofDays(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SessionPolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofSeconds(61)))
        .hasMessageContaining("grace");
    assertThatThrownBy(
            () -> new SessionPolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEndedSessionStaysEndedWithItsFirstReason() {
    Session session = Session.start(UUID.randomUUID(), UUID.randomUUID(), NOW);

    Session ended = session.ended(SessionEndReason.SIGN_OUT, NOW.plusSeconds(5));
    Session again = ended.ended(SessionEndReason.PASSWORD_CHANGED, NOW.plusSeconds(9));

    assertThat(again.endReason()).contains(SessionEndReason.SIGN_OUT);
    assertThat(again.isLive(NOW.plusSeconds(10), SessionPolicy.DEFAULT)).isFalse();
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
  void aProfileChangeRaisesTheVersionAndAPasswordChangeDoesNot() {
    User user =
        User.signUp(
            UUID.randomUUID(),
            Username.of("ada"),
            new EmailAddress("ada@example.com"),
            "hash",
            NOW);

    assertThat(user.version()).isEqualTo(1);
    assertThat(user.role()).isEqualTo(Role.USER);
    assertThat(user.withProfile(user.username(), user.preference(), NOW)).isSameAs(user);
    assertThat(user.withProfile(Username.of("lovelace"), user.preference(), NOW).version())
        .isEqualTo(2);
    assertThat(user.withPasswordHash("other", NOW).version()).isEqualTo(1);
    // Whether the address is verified is part of the profile read models copy.
    User verified = user.verified(NOW, AdminEmails.parse(""));
    assertThat(verified.emailVerifiedAt()).contains(NOW);
    assertThat(verified.version()).isEqualTo(2);
  }
}
