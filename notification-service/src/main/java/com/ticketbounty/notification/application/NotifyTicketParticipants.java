package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Audiences;
import com.ticketbounty.notification.domain.KnownTicket;
import com.ticketbounty.notification.domain.TicketChange;
import com.ticketbounty.notification.domain.TicketNotices;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Tells a ticket's assignee and commenters what changed ({@code ticket-updated}), never whoever
 * made the change.
 */
public final class NotifyTicketParticipants {
  private final Notify notify;
  private final TicketParticipants participants;
  private final TicketNotices notices;

  public NotifyTicketParticipants(
      Notify notify, TicketParticipants participants, TicketNotices notices) {
    this.notify = notify;
    this.participants = participants;
    this.notices = notices;
  }

  public Notified notify(
      TicketChange change, UUID changedBy, @Nullable UUID assigneeId, String stepKey) {
    if (participants.ticket(change.ticketId()).map(KnownTicket::deleted).orElse(false)) {
      return Notified.NONE;
    }
    List<UUID> audience =
        List.copyOf(
            Audiences.participants(
                assigneeId, participants.commenters(change.ticketId()), changedBy));
    return notify.notifyEach(audience, notices.updated(change), stepKey);
  }
}
