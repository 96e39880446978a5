package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.KnownTicket;
import com.ticketbounty.notification.domain.TicketNotices;
import java.util.List;
import java.util.UUID;

/** Tells the new assignee of a ticket ({@code ticket-assigned}). */
public final class NotifyAssignee {
  private final Notify notify;
  private final TicketParticipants participants;
  private final TicketNotices notices;

  public NotifyAssignee(Notify notify, TicketParticipants participants, TicketNotices notices) {
    this.notify = notify;
    this.participants = participants;
    this.notices = notices;
  }

  /** Nobody is told about a ticket known to be deleted by now. */
  public Notified notify(UUID ticketId, String title, UUID assigneeId, String stepKey) {
    if (participants.ticket(ticketId).map(KnownTicket::deleted).orElse(false)) {
      return Notified.NONE;
    }
    return notify.notifyEach(List.of(assigneeId), notices.assigned(ticketId, title), stepKey);
  }
}
