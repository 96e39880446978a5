package com.ticketbounty.identity.adapter.out.messaging;

import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.identity.application.IdentityEvents;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Publishes through event-runtime: each event lands in the outbox inside the caller's reactive
 * transaction, keyed by the account so that one account's events reach the broker in the order they
 * were written (a profile update never overtakes the creation), on behalf of that account.
 * Sensitive fields (the code, the reset link) are sealed by the runtime before they are written.
 */
public final class EventRuntimeIdentityEvents implements IdentityEvents {
  private final TransactionalEventPublisher publisher;

  public EventRuntimeIdentityEvents(TransactionalEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public Mono<Void> accountCreated(AccountCreated event) {
    return publish(event.userId(), event);
  }

  @Override
  public Mono<Void> welcomeEmailRequested(WelcomeEmailRequested event) {
    return publish(event.userId(), event);
  }

  @Override
  public Mono<Void> profileUpdated(AccountProfileUpdated event) {
    return publish(event.userId(), event);
  }

  @Override
  public Mono<Void> passwordChanged(PasswordChanged event) {
    return publish(event.userId(), event);
  }

  @Override
  public Mono<Void> sessionEnded(SessionEnded event) {
    return publish(event.userId(), event);
  }

  @Override
  public Mono<Void> verificationCodeRequested(EmailVerificationCodeRequested event) {
    return publish(event.userId(), event);
  }

  @Override
  public Mono<Void> passwordResetRequested(PasswordResetRequested event) {
    return publish(event.userId(), event);
  }

  private Mono<Void> publish(UUID userId, Record event) {
    return publisher.publish(userId.toString(), event, new EventUser(userId.toString())).then();
  }
}
