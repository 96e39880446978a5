package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.AccountNotices;
import com.ticketbounty.notification.domain.Notice;
import com.ticketbounty.notification.domain.Recipient;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends the security e-mails — verification code, reset link, password changed — to the address the
 * event names, whatever the recipient's preference. The secrets they carry (code, link) are never
 * logged and never part of a step's recorded result.
 */
public final class SendSecurityEmail {
  private final Notify notify;
  private final Recipients recipients;
  private final AccountNotices notices;

  public SendSecurityEmail(Notify notify, Recipients recipients, AccountNotices notices) {
    this.notify = notify;
    this.recipients = recipients;
    this.notices = notices;
  }

  public Notified verificationCode(
      UUID userId, String email, String username, String code, Instant expiresAt, String key) {
    return notify.notify(
        Recipient.atAddress(userId, email, username),
        notices.verificationCode(code, expiresAt),
        key);
  }

  public Notified passwordReset(
      UUID userId, String email, String resetLink, Instant expiresAt, String key) {
    return send(userId, email, notices.passwordReset(resetLink, expiresAt), key);
  }

  public Notified passwordChanged(
      UUID userId, String email, String how, Instant changedAt, String key) {
    return send(userId, email, notices.passwordChanged(how, changedAt), key);
  }

  /** To the event's address, greeting the user by name when the read model knows it. */
  private Notified send(UUID userId, String email, Notice notice, String key) {
    String name = recipients.find(userId).map(Recipient::username).orElse(email);
    return notify.notify(Recipient.atAddress(userId, email, name), notice, key);
  }
}
