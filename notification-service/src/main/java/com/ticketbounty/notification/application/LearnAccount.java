package com.ticketbounty.notification.application;

/**
 * Keeps the recipients read model in step with identity-service's account events. Applying an event
 * twice, or an older one after a newer, changes nothing, so the events may arrive in any order and
 * the republish (every account's profile at its current version) rebuilds the model.
 */
public final class LearnAccount {
  private final Recipients recipients;

  public LearnAccount(Recipients recipients) {
    this.recipients = recipients;
  }

  public void learn(AccountChange change) {
    recipients.learn(change);
  }
}
