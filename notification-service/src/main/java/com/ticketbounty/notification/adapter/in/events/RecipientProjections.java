package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.notification.application.AccountChange;
import com.ticketbounty.notification.application.LearnAccount;

/**
 * identity-service's account events → the recipients read model. Each is a projection
 * (event-runtime-stream) with a queue of its own, written with JDBC in the transaction that records
 * the event in the inbox: the inbox drops a redelivered event and the read model an older version,
 * so the two queues may deliver in any order. The republish (profile-updated 1.1 of every account
 * at its version) rebuilds the model from nothing.
 */
public final class RecipientProjections {
  private final LearnAccount learnAccount;

  public RecipientProjections(LearnAccount learnAccount) {
    this.learnAccount = learnAccount;
  }

  /** A new account has not verified its address yet (identity verifies it later, and says so). */
  public Projection<AccountCreated> created() {
    return Projection.of(
        AccountCreated.class,
        delivery -> {
          AccountCreated account = delivery.data();
          learnAccount.learn(
              new AccountChange(
                  account.userId(),
                  account.username(),
                  account.notificationPreference(),
                  account.version(),
                  account.email(),
                  account.role(),
                  false));
        });
  }

  /** 1.0 has no address, role or verification: those stay as they were. */
  public Projection<AccountProfileUpdated> profileUpdated() {
    return Projection.of(
        AccountProfileUpdated.class,
        delivery -> {
          AccountProfileUpdated profile = delivery.data();
          learnAccount.learn(
              new AccountChange(
                  profile.userId(),
                  profile.username(),
                  profile.notificationPreference(),
                  profile.version(),
                  profile.email(),
                  profile.role(),
                  profile.emailVerified()));
        });
  }
}
