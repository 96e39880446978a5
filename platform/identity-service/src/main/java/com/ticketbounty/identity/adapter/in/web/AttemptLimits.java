package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.serviceweb.ratelimit.AttemptKey;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimit;
import com.ticketbounty.serviceweb.ratelimit.AttemptStore;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * identity's attempt limits: {@code perMinute} attempts per client address and per account on each
 * endpoint that guesses at a secret. Counted with service-web's {@link AttemptLimit} in the shared
 * store (this service's database), so every instance of identity-service counts the same attempts;
 * a key's attempts come back all at once when the minute that began with its first attempt is over.
 */
public final class AttemptLimits {
  private final AttemptLimit signIn;
  private final AttemptLimit forgotPassword;

  public AttemptLimits(AttemptStore store, int perMinute) {
    this.signIn = AttemptLimit.perMinute(store, "sign-in", perMinute);
    this.forgotPassword = AttemptLimit.perMinute(store, "forgot-password", perMinute);
  }

  /** A sign-in, per client and per e-mail address (however it was typed). */
  Mono<Void> signIn(String client, @Nullable String email) {
    return signIn.take(AttemptKey.client(client), AttemptKey.account(normalised(email)));
  }

  /** A reset link asked for, per client and per e-mail address. */
  Mono<Void> forgotPassword(String client, @Nullable String email) {
    return forgotPassword.take(AttemptKey.client(client), AttemptKey.account(normalised(email)));
  }

  private static String normalised(@Nullable String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
