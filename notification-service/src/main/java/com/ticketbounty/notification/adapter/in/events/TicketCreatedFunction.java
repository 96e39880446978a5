package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.admin.UrgentTicketCreated;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.notification.application.ConfirmTicket;
import com.ticketbounty.notification.application.Notified;
import com.ticketbounty.notification.application.TrackTicketCreation;
import org.jspecify.annotations.Nullable;

/**
 * {@code ticket-created} (DESIGN.md §8): confirms the ticket to its owner, tells the administrators
 * about an urgent one, and tracks the creation. At most 5 runs of one owner execute a step at once.
 *
 * <p>It reads {@code app/ticket.created} 2.0 ({@link TicketCreatedV2}, no owner address: the
 * recipients read model has it). ticket-service publishes 1.0 beside 2.0 during the move, on the
 * same routing key, each marked with both MAJORs ({@code x-event-majors}), so the runtime acks the
 * 1.0 copy for this function instead of dead-lettering it as an unknown MAJOR.
 *
 * <p>An owner whose {@code app/account.created} has not arrived yet (another queue) fails {@code
 * send-confirmation} retriably, so the step is tried again with backoff until the account is known.
 */
public final class TicketCreatedFunction {
  /** Names the function's queue ({@code <prefix>notification-service.ticket-created}) and runs. */
  public static final String ID = "ticket-created";

  private static final String URGENT = "urgent";

  private final ConfirmTicket confirmTicket;
  private final TrackTicketCreation trackTicketCreation;
  private final RetryPolicy retryPolicy;

  public TicketCreatedFunction(
      ConfirmTicket confirmTicket,
      TrackTicketCreation trackTicketCreation,
      RetryPolicy retryPolicy) {
    this.confirmTicket = confirmTicket;
    this.trackTicketCreation = trackTicketCreation;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(TicketCreatedV2.class)
        .concurrency(5, "event.data.userId")
        .handler(this::run);
  }

  private @Nullable Object run(FunctionContext context) {
    TicketCreatedV2 ticket = context.data(TicketCreatedV2.class);
    context
        .step()
        .run(
            "send-confirmation",
            Notified.class,
            key ->
                ProviderCalls.mapped(
                    () ->
                        confirmTicket.confirm(
                            ticket.ticketId(), ticket.userId(), ticket.title(), key)));
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
    context
        .step()
        .run(
            "track-creation",
            key ->
                ProviderCalls.mapped(
                    () ->
                        trackTicketCreation.track(
                            ticket.ticketId(),
                            ticket.userId(),
                            ticket.priority(),
                            ticket.bounty(),
                            context.event().timestamp(),
                            key)));
    return null;
  }
}
