package com.ticketbounty.ticket.application;

import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * {@link TicketEvents} that records what would be published; events join an {@link
 * InMemoryUnitOfWork} transaction as the real outbox does. {@link #failNext()} makes the next write
 * fail, as a broken outbox would.
 */
public final class RecordingTicketEvents implements TicketEvents {
  private final List<Object> published = new CopyOnWriteArrayList<>();
  private volatile boolean failNext;

  @Override
  public Mono<Void> created(TicketCreated event) {
    return record(event);
  }

  @Override
  public Mono<Void> updated(TicketUpdated event) {
    return record(event);
  }

  @Override
  public Mono<Void> assigned(TicketAssigned event) {
    return record(event);
  }

  @Override
  public Mono<Void> deleted(TicketDeleted event) {
    return record(event);
  }

  private Mono<Void> record(Object event) {
    if (failNext) {
      failNext = false;
      return Mono.error(new IllegalStateException("outbox unavailable"));
    }
    return InMemoryUnitOfWork.write(() -> published.add(event));
  }

  public void failNext() {
    failNext = true;
  }

  /** The events of committed transactions, in order. */
  public List<Object> published() {
    return List.copyOf(published);
  }
}
