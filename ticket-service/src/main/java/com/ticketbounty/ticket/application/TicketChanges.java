package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketChange;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The course every change of a ticket takes: in one transaction, hold the ticket, let the domain
 * change it (it checks the owner and the rules), store it and write its event. A change that
 * changed nothing stores and announces nothing.
 */
final class TicketChanges {
  private final Tickets tickets;
  private final UnitOfWork unitOfWork;
  private final TicketViews views;

  TicketChanges(Tickets tickets, Accounts accounts, UnitOfWork unitOfWork) {
    this.tickets = tickets;
    this.unitOfWork = unitOfWork;
    this.views = new TicketViews(accounts);
  }

  /**
   * @param change what to do to the held ticket; may fail with the domain's errors
   * @param announce the event of a change that changed something
   * @return the ticket as it is after the change, with its usernames
   */
  Mono<TicketView> apply(
      UUID ticketId,
      Function<Ticket, Mono<TicketChange>> change,
      Function<TicketChange, Mono<Void>> announce) {
    Mono<TicketView> work =
        held(ticketId)
            .flatMap(change)
            .flatMap(
                done ->
                    done.changedSomething()
                        ? tickets
                            .update(done.ticket())
                            .then(Mono.defer(() -> announce.apply(done)))
                            .thenReturn(done.ticket())
                        : Mono.just(done.ticket()))
            .flatMap(views::of);
    return unitOfWork.inTransaction(work);
  }

  /** The ticket, held until the transaction ends; {@link TicketNotFoundException} when none. */
  Mono<Ticket> held(UUID ticketId) {
    return tickets
        .withIdForChange(ticketId)
        .switchIfEmpty(Mono.error(() -> new TicketNotFoundException(ticketId)));
  }
}
