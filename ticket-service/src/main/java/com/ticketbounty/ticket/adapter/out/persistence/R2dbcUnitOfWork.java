package com.ticketbounty.ticket.adapter.out.persistence;

import com.ticketbounty.ticket.application.UnitOfWork;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A transaction of the R2DBC transaction manager. {@link R2dbcTickets} and event-runtime's
 * publisher both use the connection it binds, so the ticket row and its outbox row commit together.
 */
public final class R2dbcUnitOfWork implements UnitOfWork {
  private final TransactionalOperator transactions;

  public R2dbcUnitOfWork(TransactionalOperator transactions) {
    this.transactions = transactions;
  }

  @Override
  public <T> Mono<T> inTransaction(Mono<T> work) {
    return transactions.transactional(work);
  }
}
