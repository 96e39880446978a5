package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.notification.application.Notified;
import com.ticketbounty.notification.application.NotifyAssignee;
import com.ticketbounty.notification.domain.Audiences;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code ticket-assigned}: {@code notify-assignee} e-mails the new assignee. A ticket unassigned
 * (no assignee) or assigned by its owner to themselves tells nobody: decided from the event, so the
 * run completes without a step.
 */
public final class TicketAssignedFunction {
  public static final String ID = "ticket-assigned";

  private final NotifyAssignee notifyAssignee;
  private final RetryPolicy retryPolicy;

  public TicketAssignedFunction(NotifyAssignee notifyAssignee, RetryPolicy retryPolicy) {
    this.notifyAssignee = notifyAssignee;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(TicketAssigned.class)
        .handler(this::run);
  }

  private @Nullable Notified run(FunctionContext context) {
    TicketAssigned assigned = context.data(TicketAssigned.class);
    Optional<UUID> assignee = Audiences.newAssignee(assigned.userId(), assigned.assigneeId());
    if (assignee.isEmpty()) {
      return Notified.NONE;
    }
    return context
        .step()
        .run(
            "notify-assignee",
            Notified.class,
            key ->
                ProviderCalls.mapped(
                    () ->
                        notifyAssignee.notify(
                            assigned.ticketId(), assigned.title(), assignee.get(), key)));
  }
}
