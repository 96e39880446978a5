package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.DigestFigures;
import com.ticketbounty.notification.domain.DigestNotices;

/**
 * E-mails the daily figures to every ADMIN whose address is verified, each as their preference
 * says.
 */
public final class EmailAdminDigest {
  private final Notify notify;
  private final Recipients recipients;
  private final DigestNotices notices;

  public EmailAdminDigest(Notify notify, Recipients recipients, DigestNotices notices) {
    this.notify = notify;
    this.recipients = recipients;
    this.notices = notices;
  }

  public Notified send(DigestFigures figures, String stepKey) {
    return notify.notifyAll(recipients.verifiedAdmins(), notices.adminDigest(figures), stepKey);
  }
}
