package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.admin.UrgentTicketCreated;
import com.ticketbounty.notification.application.AlertUrgentTicket;
import com.ticketbounty.notification.domain.UrgentTicket;
import org.jspecify.annotations.Nullable;

/**
 * {@code urgent-ticket}: a Slack message to the administrators naming the ticket, its deadline, its
 * bounty and its link. A webhook has no idempotency key: a step killed after posting posts again.
 */
public final class UrgentTicketFunction {
  public static final String ID = "urgent-ticket";

  private final AlertUrgentTicket alertUrgentTicket;
  private final RetryPolicy retryPolicy;

  public UrgentTicketFunction(AlertUrgentTicket alertUrgentTicket, RetryPolicy retryPolicy) {
    this.alertUrgentTicket = alertUrgentTicket;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(UrgentTicketCreated.class)
        .handler(this::run);
  }

  private @Nullable Object run(FunctionContext context) {
    UrgentTicketCreated urgent = context.data(UrgentTicketCreated.class);
    UrgentTicket ticket =
        new UrgentTicket(urgent.ticketId(), urgent.title(), urgent.deadline(), urgent.bounty());
    context
        .step()
        .run("notify-admins", key -> ProviderCalls.mapped(() -> alertUrgentTicket.alert(ticket)));
    return null;
  }
}
