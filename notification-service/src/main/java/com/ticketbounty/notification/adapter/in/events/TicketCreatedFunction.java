package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.admin.UrgentTicketCreated;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.notification.application.EmailRejectedException;
import com.ticketbounty.notification.application.SendTicketConfirmation;
import com.ticketbounty.notification.domain.OpenedTicket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ticket-created} durable function (DESIGN.md §8): confirms the ticket to its owner,
 * tells the administrators about an urgent one, and tracks the creation. At most 5 runs of one
 * owner execute a step at once. Each step is recorded once done, so a retry or a crash repeats only
 * the unfinished one, and the confirmation's idempotency key (the step's) makes the provider send
 * one e-mail however often that step runs.
 */
public final class TicketCreatedFunction {
  /** Names the function's queue ({@code <prefix>notification-service.ticket-created}) and runs. */
  public static final String ID = "ticket-created";

  private static final Logger LOG = LoggerFactory.getLogger(TicketCreatedFunction.class);
  private static final String URGENT = "urgent";

  private final SendTicketConfirmation sendTicketConfirmation;

  public TicketCreatedFunction(SendTicketConfirmation sendTicketConfirmation) {
    this.sendTicketConfirmation = sendTicketConfirmation;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .triggeredBy(TicketCreated.class)
        .concurrency(5, "event.data.userId")
        .handler(this::run);
  }

  private @Nullable Object run(FunctionContext context) {
    TicketCreated ticket = context.data(TicketCreated.class);
    context.step().run("send-confirmation", key -> confirm(ticket, key));
    if (URGENT.equals(ticket.priority())) {
      context
          .step()
          .sendEvent(
              "notify-urgent",
              new UrgentTicketCreated(
                  ticket.ticketId(),
                  ticket.userId(),
                  ticket.title(),
                  ticket.deadline(),
                  ticket.bounty()));
    }
    // ANALYTICS_BASE_URL is not built yet: the step only logs the call it will make.
    context
        .step()
        .run(
            "track-creation",
            key ->
                LOG.info(
                    "analytics: ticket created {} by {} (priority {}, messageId {})",
                    ticket.ticketId(),
                    ticket.userId(),
                    ticket.priority(),
                    key));
    return null;
  }

  private void confirm(TicketCreated ticket, String idempotencyKey) {
    try {
      sendTicketConfirmation.send(
          new OpenedTicket(ticket.ticketId(), ticket.title(), ticket.ownerEmail()), idempotencyKey);
    } catch (EmailRejectedException e) {
      // The provider refuses it for good: retrying cannot help.
      throw new NonRetriableException("the confirmation e-mail was rejected: " + e.getMessage(), e);
    }
  }
}
