package com.ticketbounty.ticket.adapter.out.messaging;

import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.ticket.application.TicketEvents;
import reactor.core.publisher.Mono;

/**
 * Publishes through event-runtime: the event lands in the outbox inside the caller's reactive
 * transaction, keyed by the ticket so that one ticket's events reach the broker in order, and on
 * behalf of the ticket's owner (the body's {@code user}).
 */
public final class EventRuntimeTicketEvents implements TicketEvents {
  private final TransactionalEventPublisher publisher;

  public EventRuntimeTicketEvents(TransactionalEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public Mono<Void> created(TicketCreated event) {
    return publisher
        .publish(event.ticketId().toString(), event, new EventUser(event.userId().toString()))
        .then();
  }
}
