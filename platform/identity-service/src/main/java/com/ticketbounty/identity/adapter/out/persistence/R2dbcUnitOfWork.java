package com.ticketbounty.identity.adapter.out.persistence;

import com.ticketbounty.identity.application.UnitOfWork;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A transaction of the R2DBC transaction manager. The R2DBC adapters and event-runtime's publisher
 * all use the connection it binds, so a state change and its outbox rows commit together.
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
