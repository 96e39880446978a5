package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.AccountNotices;
import com.ticketbounty.notification.domain.Recipient;
import java.util.UUID;

/**
 * Welcomes a new user. It is not a security e-mail, so it follows the preference the account has by
 * then; an account the read model does not know yet is welcomed at the address its sign-up event
 * named.
 */
public final class SendWelcome {
  private final Notify notify;
  private final Recipients recipients;
  private final AccountNotices notices;

  public SendWelcome(Notify notify, Recipients recipients, AccountNotices notices) {
    this.notify = notify;
    this.recipients = recipients;
    this.notices = notices;
  }

  public Notified send(UUID userId, String email, String username, String stepKey) {
    Recipient recipient =
        recipients.find(userId).orElseGet(() -> Recipient.atAddress(userId, email, username));
    return notify.notify(recipient, notices.welcome(), stepKey);
  }
}
