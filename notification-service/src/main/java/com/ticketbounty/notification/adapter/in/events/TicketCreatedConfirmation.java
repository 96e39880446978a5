package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.EventHandler;
import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.notification.application.SendTicketConfirmation;
import com.ticketbounty.notification.domain.OpenedTicket;

/**
 * Sends the owner's confirmation when {@code app/ticket.created} arrives. The runtime calls it at
 * most once to completion per event; a failure (the e-mail not sent, or rejected) propagates, so
 * the event is delivered again, and the delivery's idempotency key makes the provider send one
 * e-mail however often that happens.
 */
public final class TicketCreatedConfirmation implements EventHandler<TicketCreated> {
  /** Names the queue ({@code <prefix>notification-service.ticket-created}): keep it stable. */
  public static final String SUBSCRIPTION_ID = "ticket-created";

  private final SendTicketConfirmation sendTicketConfirmation;

  public TicketCreatedConfirmation(SendTicketConfirmation sendTicketConfirmation) {
    this.sendTicketConfirmation = sendTicketConfirmation;
  }

  public Subscription<TicketCreated> subscription() {
    return new Subscription<>(SUBSCRIPTION_ID, TicketCreated.class, this);
  }

  @Override
  public void handle(Delivery<TicketCreated> delivery) {
    TicketCreated event = delivery.data();
    sendTicketConfirmation.send(
        new OpenedTicket(event.ticketId(), event.title(), event.ownerEmail()),
        delivery.idempotencyKey());
  }
}
