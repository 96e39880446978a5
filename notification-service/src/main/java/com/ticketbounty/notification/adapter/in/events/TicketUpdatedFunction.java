package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.ticket.TicketUpdated;
import com.ticketbounty.notification.application.Notified;
import com.ticketbounty.notification.application.NotifyTicketParticipants;
import com.ticketbounty.notification.domain.TicketChange;
import org.jspecify.annotations.Nullable;

/**
 * {@code ticket-updated}: {@code notify-participants} e-mails the assignee and everyone who
 * commented on the ticket what changed, once each, never whoever made the change (the owner).
 */
public final class TicketUpdatedFunction {
  public static final String ID = "ticket-updated";

  private final NotifyTicketParticipants notifyTicketParticipants;
  private final RetryPolicy retryPolicy;

  public TicketUpdatedFunction(
      NotifyTicketParticipants notifyTicketParticipants, RetryPolicy retryPolicy) {
    this.notifyTicketParticipants = notifyTicketParticipants;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(TicketUpdated.class)
        .handler(this::run);
  }

  private @Nullable Notified run(FunctionContext context) {
    TicketUpdated updated = context.data(TicketUpdated.class);
    TicketChange change =
        new TicketChange(updated.ticketId(), updated.title(), updated.changed(), updated.status());
    return context
        .step()
        .run(
            "notify-participants",
            Notified.class,
            key ->
                ProviderCalls.mapped(
                    () ->
                        notifyTicketParticipants.notify(
                            change, updated.userId(), updated.assigneeId(), key)));
  }
}
