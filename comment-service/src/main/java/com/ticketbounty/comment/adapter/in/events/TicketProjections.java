package com.ticketbounty.comment.adapter.in.events;

import com.ticketbounty.comment.application.LearnTicket;
import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;

/**
 * ticket-service's events → the read model of tickets. Each is a projection (event-runtime-stream)
 * with a queue of its own ({@code <prefix>comment-service.<bean name in dashes>}), written with
 * R2DBC in a transaction that also records the event in the inbox: the inbox drops a redelivered
 * event and the read model an older one, so the handlers may run in any order and more than once.
 */
public final class TicketProjections {
  /** {@code app/ticket.created} carries no version: a new ticket is at version 1. */
  static final long CREATED_VERSION = 1;

  private final LearnTicket learnTicket;

  public TicketProjections(LearnTicket learnTicket) {
    this.learnTicket = learnTicket;
  }

  public Projection<TicketCreated> created() {
    return Projection.reactive(
        TicketCreated.class,
        delivery ->
            learnTicket.changed(
                delivery.data().ticketId(), delivery.data().userId(), CREATED_VERSION));
  }

  public Projection<TicketUpdated> updated() {
    return Projection.reactive(
        TicketUpdated.class,
        delivery ->
            learnTicket.changed(
                delivery.data().ticketId(), delivery.data().userId(), delivery.data().version()));
  }

  public Projection<TicketAssigned> assigned() {
    return Projection.reactive(
        TicketAssigned.class,
        delivery ->
            learnTicket.changed(
                delivery.data().ticketId(), delivery.data().userId(), delivery.data().version()));
  }

  public Projection<TicketDeleted> deleted() {
    return Projection.reactive(
        TicketDeleted.class,
        delivery ->
            learnTicket.deleted(
                delivery.data().ticketId(), delivery.data().userId(), delivery.data().version()));
  }
}
