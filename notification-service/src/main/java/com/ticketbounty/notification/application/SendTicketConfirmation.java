package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.AppLinks;
import com.ticketbounty.notification.domain.Email;
import com.ticketbounty.notification.domain.OpenedTicket;
import com.ticketbounty.notification.domain.TicketConfirmation;

/**
 * Confirms to its owner, by e-mail, that a ticket was opened. It knows nothing of how it was
 * triggered: the caller supplies a key that stays the same when the same confirmation is attempted
 * again, and the e-mail provider sends one e-mail per key.
 */
public final class SendTicketConfirmation {
  private final EmailSender emails;
  private final String from;
  private final AppLinks links;

  /**
   * @param from the sender, such as {@code TicketBounty <noreply@ticketbounty.local>}
   * @param links where the e-mail's link points
   */
  public SendTicketConfirmation(EmailSender emails, String from, AppLinks links) {
    this.emails = emails;
    this.from = Email.requireSender(from);
    this.links = links;
  }

  /**
   * @throws EmailRejectedException when the provider refuses it for good
   * @throws EmailNotSentException when it could not be sent now
   */
  public void send(OpenedTicket ticket, String idempotencyKey) {
    emails.send(TicketConfirmation.compose(ticket, from, links), idempotencyKey);
  }
}
