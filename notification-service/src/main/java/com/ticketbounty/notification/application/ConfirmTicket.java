package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Recipient;
import com.ticketbounty.notification.domain.TicketNotices;
import java.util.List;
import java.util.UUID;

/**
 * Confirms to its owner that a ticket was opened, at the address the recipients read model holds
 * ({@code app/ticket.created} 2.0 carries none).
 */
public final class ConfirmTicket {
  private final Notify notify;
  private final Recipients recipients;
  private final TicketNotices notices;

  public ConfirmTicket(Notify notify, Recipients recipients, TicketNotices notices) {
    this.notify = notify;
    this.recipients = recipients;
    this.notices = notices;
  }

  /**
   * @throws RecipientNotKnownException when the owner's account has not reached the read model yet
   *     (a retriable failure)
   */
  public Notified confirm(UUID ticketId, UUID ownerId, String title, String stepKey) {
    Recipient owner =
        recipients
            .find(ownerId)
            .orElseThrow(() -> new RecipientNotKnownException(List.of(ownerId)));
    return notify.notify(owner, notices.confirmation(ticketId, title), stepKey);
  }
}
