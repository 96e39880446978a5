package com.ticketbounty.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.identity.domain.AdminEmails;
import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.BrokenRulesException;
import com.ticketbounty.identity.domain.Role;
import com.ticketbounty.identity.domain.SecretToken;
import com.ticketbounty.identity.domain.Session;
import com.ticketbounty.identity.domain.SessionPolicy;
import com.ticketbounty.identity.domain.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The use cases over in-memory ports: what they store, publish and audit. */
class UseCasesTest {
  private static final String CLIENT = "192.0.2.7";

  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final SecureRandom random = new SecureRandom();
  private final InMemoryUsers users = new InMemoryUsers();
  private final InMemorySessions sessions = new InMemorySessions();
  private final Fakes.RecordingEvents events = new Fakes.RecordingEvents();
  private final Fakes.RecordingAudit audit = new Fakes.RecordingAudit();
  private final Fakes.PlainHasher hasher = new Fakes.PlainHasher();
  private final Fakes.DirectUnitOfWork unitOfWork = new Fakes.DirectUnitOfWork();
  private final SessionStarts starts =
      new SessionStarts(
          sessions, new Fakes.FakeAccessTokens(), SessionPolicy.DEFAULT, random, clock);
  private final SessionEnds ends = new SessionEnds(sessions, events, clock);

  private final SignUp signUp = new SignUp(users, hasher, starts, events, audit, unitOfWork, clock);
  private final SignIn signIn = new SignIn(users, hasher, starts, audit, unitOfWork, clock);
  private final RefreshSession refresh =
      new RefreshSession(
          sessions, users, starts, ends, audit, unitOfWork, SessionPolicy.DEFAULT, random, clock);
  private final ChangePassword changePassword =
      new ChangePassword(users, hasher, ends, events, audit, unitOfWork, clock);
  private final Fakes.InMemoryResetTokens resetTokens = new Fakes.InMemoryResetTokens();
  private final ResetPassword resetPassword =
      new ResetPassword(users, resetTokens, hasher, starts, ends, events, audit, unitOfWork, clock);
  private final Fakes.InMemoryVerificationCodes codes = new Fakes.InMemoryVerificationCodes();
  private final RequestEmailVerification requestVerification =
      new RequestEmailVerification(users, codes, events, unitOfWork, random, clock);
  private final VerifyEmail verifyEmail =
      new VerifyEmail(
          users, codes, events, audit, unitOfWork, AdminEmails.parse("root@example.com"), clock);

  @Test
  void signUpStoresTheAccountAndPublishesItsTwoEvents() {
    SignedIn signedIn = signUp("ada", "ada@example.com");

    assertThat(users.byId).containsKey(signedIn.user().id());
    assertThat(sessions.byId).hasSize(1);
    assertThat(events.of(AccountCreated.class))
        .singleElement()
        .satisfies(e -> assertThat(e.version()).isEqualTo(1));
    assertThat(events.of(WelcomeEmailRequested.class)).hasSize(1);
    assertThat(audit.entries).extracting(AuditEntry::action).containsExactly(AuditAction.SIGNED_UP);
  }

  @Test
  void anAdminAddressSignsUpAsAUser() {
    SignedIn signedIn = signUp("root", "Root@Example.com");

    assertThat(signedIn.user().role()).isEqualTo(Role.USER);
    assertThat(users.byId.get(signedIn.user().id()).role()).isEqualTo(Role.USER);
    assertThat(events.of(AccountCreated.class))
        .singleElement()
        .satisfies(e -> assertThat(e.role()).isEqualTo("USER"));
  }

  @Test
  void verifyingAnAdminAddressMakesTheAccountAnAdminOneVersionOnAndPublishesIt() {
    SignedIn signedIn = signUp("root", "root@example.com");
    UUID id = signedIn.user().id();

    verifyEmail.verify(id, codeFor(id), CLIENT).block();

    User verified = users.byId.get(id);
    assertThat(verified.role()).isEqualTo(Role.ADMIN);
    assertThat(verified.emailVerifiedAt()).contains(clock.instant());
    assertThat(verified.version()).isEqualTo(2);
    assertThat(events.of(AccountProfileUpdated.class))
        .singleElement()
        .isEqualTo(
            new AccountProfileUpdated(
                id, "root", "immediate", 2, clock.instant(), "root@example.com", "ADMIN", true));
    assertThat(audit.entries)
        .filteredOn(entry -> entry.userId() != null && entry.userId().equals(id))
        .extracting(AuditEntry::action, AuditEntry::detail)
        .containsSubsequence(
            tuple(AuditAction.EMAIL_VERIFIED, null), tuple(AuditAction.ROLE_GRANTED, "ADMIN"));
    // What is signed from now on reads the account as stored: a refresh and a sign-in.
    assertThat(refresh.refresh(signedIn.refreshToken().reveal(), CLIENT).block().user().role())
        .isEqualTo(Role.ADMIN);
    assertThat(signIn.signIn("root@example.com", "password-1", CLIENT).block().user().role())
        .isEqualTo(Role.ADMIN);
  }

  @Test
  void verifyingAnyOtherAddressPublishesTheVerifiedProfileOnceAndKeepsTheRole() {
    UUID id = signUp("ada", "ada@example.com").user().id();

    verifyEmail.verify(id, codeFor(id), CLIENT).block();
    clock.advance(Duration.ofMinutes(1));
    verifyEmail.verify(id, codeFor(id), CLIENT).block();

    assertThat(users.byId.get(id).role()).isEqualTo(Role.USER);
    assertThat(users.byId.get(id).version()).isEqualTo(2);
    assertThat(events.of(AccountProfileUpdated.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.role()).isEqualTo("USER");
              assertThat(e.emailVerified()).isTrue();
              assertThat(e.email()).isEqualTo("ada@example.com");
              assertThat(e.version()).isEqualTo(2);
            });
    assertThat(audit.entries)
        .extracting(AuditEntry::action)
        .doesNotContain(AuditAction.ROLE_GRANTED)
        .filteredOn(action -> action == AuditAction.EMAIL_VERIFIED)
        .hasSize(2);
  }

  @Test
  void signInChecksAnUnknownAccountAgainstADummyHashAndFailsLikeAWrongPassword() {
    signUp("ada", "ada@example.com");

    Throwable wrong = failure(() -> signIn.signIn("ada@example.com", "wrong-one", CLIENT).block());
    Throwable unknown =
        failure(() -> signIn.signIn("nobody@example.com", "password-1", CLIENT).block());

    assertThat(unknown).isInstanceOf(NotAuthenticatedException.class);
    assertThat(unknown).hasMessage(wrong.getMessage());
    assertThat(hasher.checks).hasValue(2);
    assertThat(hasher.checksWithoutHash).hasValue(1);
    assertThat(audit.entries)
        .filteredOn(entry -> entry.action() == AuditAction.SIGN_IN_FAILED)
        .hasSize(2);
  }

  @Test
  void signInReplacesAnOutdatedHashOnceWithANewHashOfTheProvenPassword() {
    UUID id = signUp("ada", "ada@example.com").user().id();
    users.byId.put(id, users.byId.get(id).withPasswordRehashed("old-hash:password-1"));
    int hashesBefore = hasher.hashes.get();

    signIn.signIn("ada@example.com", "password-1", CLIENT).block();
    assertThat(users.byId.get(id).passwordHash()).isEqualTo("hash:password-1");
    signIn.signIn("ada@example.com", "password-1", CLIENT).block();

    assertThat(hasher.hashes.get() - hashesBefore).isEqualTo(1);
    assertThat(users.byId.get(id).version()).isEqualTo(1);
  }

  @Test
  void aRefreshTokenPresentedAgainAfterTheGraceWindowEndsItsSession() {
    SignedIn signedIn = signUp("ada", "ada@example.com");
    String first = signedIn.refreshToken().reveal();

    SignedIn next = refresh.refresh(first, CLIENT).block();
    clock.advance(Duration.ofSeconds(10));
    assertThatThrownBy(() -> refresh.refresh(first, CLIENT).block())
        .isInstanceOf(NotAuthenticatedException.class);
    assertThatThrownBy(() -> refresh.refresh(next.refreshToken().reveal(), CLIENT).block())
        .isInstanceOf(NotAuthenticatedException.class);

    Session session = sessions.byId.values().iterator().next();
    assertThat(session.isEnded()).isTrue();
    assertThat(events.of(SessionEnded.class))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("refresh-token-reused"));
  }

  @Test
  void twoRefreshesWithOneTokenWithinTheGraceWindowEachGetAPairAndBothGoOn() {
    SignedIn signedIn = signUp("ada", "ada@example.com");
    String token = signedIn.refreshToken().reveal();

    SignedIn firstTab = refresh.refresh(token, CLIENT).block();
    clock.advance(Duration.ofMillis(9_999));
    SignedIn secondTab = refresh.refresh(token, CLIENT).block();

    assertThat(secondTab.refreshToken().reveal()).isNotEqualTo(firstTab.refreshToken().reveal());
    clock.advance(Duration.ofMinutes(5));
    assertThat(refresh.refresh(firstTab.refreshToken().reveal(), CLIENT).block()).isNotNull();
    assertThat(refresh.refresh(secondTab.refreshToken().reveal(), CLIENT).block()).isNotNull();
    assertThat(sessions.byId.values()).singleElement().matches(s -> !s.isEnded());
    assertThat(events.of(SessionEnded.class)).isEmpty();
  }

  @Test
  void nothingRefreshesPastTheSessionsAbsoluteLifetime() {
    SignedIn signedIn = signUp("ada", "ada@example.com");
    clock.advance(Duration.ofDays(29));
    SignedIn late = refresh.refresh(signedIn.refreshToken().reveal(), CLIENT).block();
    Session session = sessions.byId.values().iterator().next();
    assertThat(sessions.tokens.get(late.refreshToken().hash()).expiresAt())
        .isEqualTo(session.createdAt().plus(Duration.ofDays(30)));

    clock.advance(Duration.ofDays(1));

    assertThatThrownBy(() -> refresh.refresh(late.refreshToken().reveal(), CLIENT).block())
        .isInstanceOf(NotAuthenticatedException.class);
    assertThat(events.of(SessionEnded.class)).isEmpty();
  }

  @Test
  void changingThePasswordEndsEveryLiveSessionAndAnnouncesIt() {
    SignedIn signedIn = signUp("ada", "ada@example.com");
    signIn.signIn("ada@example.com", "password-1", CLIENT).block();
    UUID id = signedIn.user().id();

    changePassword.change(id, "password-1", "password-2", CLIENT).block();

    assertThat(sessions.byId.values()).hasSize(2).allMatch(Session::isEnded);
    assertThat(events.of(SessionEnded.class))
        .hasSize(2)
        .allMatch(e -> e.reason().equals("password-changed"));
    assertThat(events.of(PasswordChanged.class))
        .singleElement()
        .satisfies(e -> assertThat(e.how()).isEqualTo("changed"));
    assertThat(users.byId.get(id).passwordHash()).isEqualTo("hash:password-2");
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() {
    SignedIn signedIn = signUp("ada", "ada@example.com");

    assertThatThrownBy(
            () ->
                changePassword.change(signedIn.user().id(), "guess", "password-2", CLIENT).block())
        .isInstanceOf(BrokenRulesException.class)
        .hasMessageContaining("currentPassword");
    assertThat(sessions.byId.values()).noneMatch(Session::isEnded);
    assertThat(events.of(PasswordChanged.class)).isEmpty();
  }

  @Test
  void aResetWithAnUnknownOrSpentTokenIsRefusedBeforeAnyPasswordIsHashed() {
    UUID id = signUp("ada", "ada@example.com").user().id();
    SecretToken token = SecretToken.generate(random);
    resetTokens
        .add(token.hash(), id, clock.instant(), clock.instant().plus(Duration.ofMinutes(10)))
        .block();
    int hashesBefore = hasher.hashes.get();

    assertThatThrownBy(() -> resetPassword.reset("guessed-token", "password-2", CLIENT).block())
        .isInstanceOf(BrokenRulesException.class)
        .hasMessageContaining("token");
    assertThat(hasher.hashes.get()).isEqualTo(hashesBefore);

    resetPassword.reset(token.reveal(), "password-2", CLIENT).block();
    assertThat(hasher.hashes.get()).isEqualTo(hashesBefore + 1);
    assertThat(users.byId.get(id).passwordHash()).isEqualTo("hash:password-2");

    assertThatThrownBy(() -> resetPassword.reset(token.reveal(), "password-3", CLIENT).block())
        .isInstanceOf(BrokenRulesException.class)
        .hasMessageContaining("token");
    assertThat(hasher.hashes.get()).isEqualTo(hashesBefore + 1);
    assertThat(users.byId.get(id).passwordHash()).isEqualTo("hash:password-2");
  }

  @Test
  void forgotPasswordAnswersWithoutWaitingForTheTokenToBeIssued() {
    SignedIn signedIn = signUp("ada", "ada@example.com");
    Sinks.Empty<Void> stored = Sinks.empty();
    RequestPasswordReset forgot = requestPasswordReset(stored.asMono());

    // The token row is not written yet, and still the request is answered: an existing account
    // takes no longer to answer than an unknown one.
    assertThat(forgot.request("ada@example.com", CLIENT).blockOptional(Duration.ofSeconds(5)))
        .isEmpty();
    assertThat(events.of(PasswordResetRequested.class)).isEmpty();

    stored.tryEmitEmpty();
    assertThat(events.of(PasswordResetRequested.class))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.userId()).isEqualTo(signedIn.user().id());
              assertThat(event.resetLink()).startsWith("https://app.example/password-reset/");
            });
  }

  @Test
  void forgotPasswordForAnUnknownAddressIssuesNothing() {
    RequestPasswordReset forgot = requestPasswordReset(Mono.empty());

    forgot.request("nobody@example.com", CLIENT).block(Duration.ofSeconds(5));

    assertThat(events.of(PasswordResetRequested.class)).isEmpty();
  }

  @Test
  void republishesEveryAccountOnceAtItsVersionBatchAfterBatch() {
    for (String name : List.of("ada", "bob", "cyd", "dia", "eve")) {
      signUp(name, name + "@example.com");
    }
    UUID admin = users.byId.keySet().iterator().next();
    RepublishAccounts republish = new RepublishAccounts(users, events, audit, unitOfWork, clock, 2);

    assertThat(republish.republish(admin, CLIENT).block()).isEqualTo(5);

    assertThat(events.of(AccountProfileUpdated.class))
        .extracting(AccountProfileUpdated::userId)
        .containsExactlyInAnyOrderElementsOf(users.byId.keySet());
    assertThat(events.of(AccountProfileUpdated.class))
        .allSatisfy(
            event ->
                assertThat(event.version()).isEqualTo(users.byId.get(event.userId()).version()));
    assertThat(audit.entries)
        .filteredOn(entry -> entry.action() == AuditAction.ACCOUNTS_REPUBLISHED)
        .singleElement()
        .satisfies(entry -> assertThat(entry.detail()).isEqualTo("5 accounts"));
  }

  /** Over reset tokens whose {@code add} completes when {@code stored} does. */
  private RequestPasswordReset requestPasswordReset(Mono<Void> stored) {
    ResetTokens tokens =
        new ResetTokens() {
          @Override
          public Mono<Void> add(String hash, UUID userId, Instant createdAt, Instant expiresAt) {
            return stored;
          }

          @Override
          public Mono<UUID> usableFor(String tokenHash, Instant now) {
            return Mono.empty();
          }

          @Override
          public Mono<UUID> redeem(String tokenHash, Instant now) {
            return Mono.empty();
          }
        };
    return new RequestPasswordReset(
        users, tokens, events, audit, unitOfWork, "https://app.example/", random, clock);
  }

  /** Asks for a verification code and answers it as the e-mail carries it. */
  private String codeFor(UUID userId) {
    requestVerification.request(userId).block();
    List<EmailVerificationCodeRequested> requested =
        events.of(EmailVerificationCodeRequested.class);
    return requested.get(requested.size() - 1).code();
  }

  private SignedIn signUp(String username, String email) {
    return signUp.signUp(SignUpCommand.of(username, email, "password-1"), CLIENT).block();
  }

  private static Throwable failure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }
}
