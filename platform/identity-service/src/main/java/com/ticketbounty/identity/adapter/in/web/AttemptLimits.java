package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.serviceweb.ratelimit.AttemptKey;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimit;
import com.ticketbounty.serviceweb.ratelimit.AttemptStore;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * identity's attempt limits (API.md): each endpoint that guesses at a secret or can be abused
 * allows {@code perMinute} attempts per client address and per account, counted apart per endpoint.
 * An attempt is counted before any work is done, so a refused one costs no password hash, mail or
 * row. The account is what the attempt names: the e-mail address for sign-in, forgot-password and
 * sign-up (however it was typed), the signed-in user for a password change or a verification
 * request, and the reset token itself for a reset — finding the token's account would take the very
 * lookup being limited, and a token names one account anyway; only its digest is stored.
 *
 * <p>Counted with service-web's {@link AttemptLimit} in the shared store (this service's database),
 * so every instance of identity-service counts the same attempts; a key's attempts come back all at
 * once when the minute that began with its first attempt is over.
 */
public final class AttemptLimits {
  private final AttemptLimit signIn;
  private final AttemptLimit forgotPassword;
  private final AttemptLimit signUp;
  private final AttemptLimit resetPassword;
  private final AttemptLimit changePassword;
  private final AttemptLimit emailVerification;

  public AttemptLimits(AttemptStore store, int perMinute) {
    this.signIn = AttemptLimit.perMinute(store, "sign-in", perMinute);
    this.forgotPassword = AttemptLimit.perMinute(store, "forgot-password", perMinute);
    this.signUp = AttemptLimit.perMinute(store, "sign-up", perMinute);
    this.resetPassword = AttemptLimit.perMinute(store, "reset-password", perMinute);
    this.changePassword = AttemptLimit.perMinute(store, "change-password", perMinute);
    this.emailVerification = AttemptLimit.perMinute(store, "email-verification", perMinute);
  }

  /** A sign-in, per client and per e-mail address. */
  Mono<Void> signIn(String client, @Nullable String email) {
    return signIn.take(AttemptKey.client(client), email(email));
  }

  /** A reset link asked for, per client and per e-mail address. */
  Mono<Void> forgotPassword(String client, @Nullable String email) {
    return forgotPassword.take(AttemptKey.client(client), email(email));
  }

  /** A sign-up, per client and per e-mail address. */
  Mono<Void> signUp(String client, @Nullable String email) {
    return signUp.take(AttemptKey.client(client), email(email));
  }

  /** A reset, per client and per reset token. */
  Mono<Void> resetPassword(String client, @Nullable String token) {
    return resetPassword.take(
        AttemptKey.client(client), new AttemptKey("reset-token", token == null ? "" : token));
  }

  /** A password change (a guess at the current password), per client and per account. */
  Mono<Void> changePassword(String client, UUID userId) {
    return changePassword.take(AttemptKey.client(client), AttemptKey.account(userId.toString()));
  }

  /** A new verification code asked for, per client and per account. */
  Mono<Void> emailVerification(String client, UUID userId) {
    return emailVerification.take(AttemptKey.client(client), AttemptKey.account(userId.toString()));
  }

  private static AttemptKey email(@Nullable String email) {
    return AttemptKey.account(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
  }
}
