package com.ticketbounty.identity.application;

import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import com.ticketbounty.events.password.PasswordResetRequested;
import reactor.core.publisher.Mono;

/**
 * What other services hear about accounts and sessions. An event is written in the caller's
 * transaction and leaves the service only if that transaction commits.
 */
public interface IdentityEvents {

  Mono<Void> accountCreated(AccountCreated event);

  Mono<Void> welcomeEmailRequested(WelcomeEmailRequested event);

  Mono<Void> profileUpdated(AccountProfileUpdated event);

  Mono<Void> passwordChanged(PasswordChanged event);

  Mono<Void> sessionEnded(SessionEnded event);

  Mono<Void> verificationCodeRequested(EmailVerificationCodeRequested event);

  Mono<Void> passwordResetRequested(PasswordResetRequested event);
}
