package com.ticketbounty.comment.adapter.out.persistence;

import com.ticketbounty.comment.application.UnitOfWork;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A transaction of the R2DBC transaction manager. The adapters here, event-runtime's publisher and
 * service-web's Idempotency-Key store all use the connection it binds, so a comment, its outbox row
 * and the stored answer commit together; inside an outer transaction it joins that one.
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
