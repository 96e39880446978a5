package com.ticketbounty.events;

import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.admin.UrgentTicketCreated;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import com.ticketbounty.events.comment.CommentDeleted;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.comment.CommentUpdated;
import com.ticketbounty.events.digest.AdminDigestReady;
import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import java.util.List;

/**
 * Every contract of the catalog (docs/events.md describes each). The golden-file test walks this
 * list, so a contract missing here has no pinned wire format.
 */
public final class EventCatalog {
  public static final List<Class<? extends Record>> ALL =
      List.of(
          AccountCreated.class,
          AccountProfileUpdated.class,
          PasswordChanged.class,
          SessionEnded.class,
          WelcomeEmailRequested.class,
          EmailVerificationCodeRequested.class,
          PasswordResetRequested.class,
          TicketCreated.class,
          TicketCreatedV2.class,
          TicketUpdated.class,
          TicketAssigned.class,
          TicketDeleted.class,
          CommentPosted.class,
          CommentUpdated.class,
          CommentDeleted.class,
          UrgentTicketCreated.class,
          AdminDigestReady.class);

  private EventCatalog() {}
}
