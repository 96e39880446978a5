package com.ticketbounty.ticket.adapter.out.messaging;

import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import com.ticketbounty.ticket.application.TicketEvents;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Publishes through event-runtime: the event lands in the outbox inside the caller's reactive
 * transaction, keyed by the ticket so that one ticket's events reach the broker in the order they
 * were written, and on behalf of the ticket's owner (the body's {@code user}), the only one who
 * changes a ticket.
 */
public final class EventRuntimeTicketEvents implements TicketEvents {
  private final TransactionalEventPublisher publisher;

  public EventRuntimeTicketEvents(TransactionalEventPublisher publisher) {
    this.publisher = publisher;
  }

  /**
   * Publishes the creation as {@code app/ticket.created} 1.0 and, beside it in the same
   * transaction, 2.0 (no owner e-mail): consumers move to 2.0 one at a time, each acking the copy
   * it does not read. docs/events.md says when 1.0 stops.
   */
  @Override
  public Mono<Void> created(TicketCreated event) {
    TicketCreatedV2 next =
        new TicketCreatedV2(
            event.ticketId(),
            event.userId(),
            event.title(),
            event.description(),
            event.priority(),
            event.deadline(),
            event.bounty());
    return publisher
        .publishInMajors(
            event.ticketId().toString(),
            List.of(event, next),
            new EventUser(event.userId().toString()))
        .then();
  }

  @Override
  public Mono<Void> updated(TicketUpdated event) {
    return publish(event.ticketId(), event, event.userId());
  }

  @Override
  public Mono<Void> assigned(TicketAssigned event) {
    return publish(event.ticketId(), event, event.userId());
  }

  @Override
  public Mono<Void> deleted(TicketDeleted event) {
    return publish(event.ticketId(), event, event.userId());
  }

  private Mono<Void> publish(UUID ticketId, Object event, UUID userId) {
    return publisher.publish(ticketId.toString(), event, new EventUser(userId.toString())).then();
  }
}
