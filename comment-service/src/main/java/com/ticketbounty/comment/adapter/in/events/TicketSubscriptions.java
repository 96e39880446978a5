package com.ticketbounty.comment.adapter.in.events;

import com.ticketbounty.comment.application.LearnTicket;
import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * ticket-service's events → the read model of tickets. Each is an event-runtime subscription with a
 * queue of its own ({@code <prefix>comment-service.<id>}); its inbox drops a redelivered event, and
 * the read model drops an older one, so the handlers may run in any order and more than once.
 *
 * <p>Handlers run on event-runtime's worker threads, which may block: each waits for its R2DBC
 * work, bounded so that a stuck database hands the message back to the broker for a later try.
 */
public final class TicketSubscriptions {
  /** {@code app/ticket.created} carries no version: a new ticket is at version 1. */
  static final long CREATED_VERSION = 1;

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final LearnTicket learnTicket;

  public TicketSubscriptions(LearnTicket learnTicket) {
    this.learnTicket = learnTicket;
  }

  public Subscription<TicketCreated> created() {
    return new Subscription<>(
        "ticket-created",
        TicketCreated.class,
        delivery -> changed(delivery.data().ticketId(), delivery.data().userId(), CREATED_VERSION));
  }

  public Subscription<TicketUpdated> updated() {
    return new Subscription<>(
        "ticket-updated",
        TicketUpdated.class,
        delivery ->
            changed(
                delivery.data().ticketId(), delivery.data().userId(), delivery.data().version()));
  }

  public Subscription<TicketAssigned> assigned() {
    return new Subscription<>(
        "ticket-assigned",
        TicketAssigned.class,
        delivery ->
            changed(
                delivery.data().ticketId(), delivery.data().userId(), delivery.data().version()));
  }

  public Subscription<TicketDeleted> deleted() {
    return new Subscription<>(
        "ticket-deleted",
        TicketDeleted.class,
        delivery ->
            await(
                learnTicket.deleted(
                    delivery.data().ticketId(),
                    delivery.data().userId(),
                    delivery.data().version())));
  }

  private void changed(UUID ticketId, UUID ownerId, long version) {
    await(learnTicket.changed(ticketId, ownerId, version));
  }

  private static void await(Mono<Void> work) {
    work.block(PATIENCE);
  }
}
