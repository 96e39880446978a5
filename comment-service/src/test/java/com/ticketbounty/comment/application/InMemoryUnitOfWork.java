package com.ticketbounty.comment.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A transaction for the in-memory fakes, carried in the Reactor context as Spring's reactive
 * transactions are: writes made inside it are applied when the work completes and dropped when it
 * fails. Counts commits and rollbacks so that tests can tell what happened.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {
  private static final Object KEY = InMemoryUnitOfWork.class;

  private int commits;
  private int rollbacks;

  /** The writes of one transaction, not yet applied. */
  public static final class Transaction {
    private final List<Runnable> writes = new ArrayList<>();

    void write(Runnable write) {
      writes.add(write);
    }
  }

  /**
   * Applies {@code write} when the current transaction commits, or at once outside a transaction.
   */
  public static Mono<Void> write(Runnable write) {
    return Mono.deferContextual(
        context -> {
          Optional<Transaction> transaction = current(context);
          if (transaction.isPresent()) {
            transaction.get().write(write);
          } else {
            write.run();
          }
          return Mono.empty();
        });
  }

  static Optional<Transaction> current(ContextView context) {
    return context.getOrEmpty(KEY);
  }

  @Override
  public <T> Mono<T> inTransaction(Mono<T> work) {
    return Mono.defer(
        () -> {
          Transaction transaction = new Transaction();
          return work.doOnSuccess(
                  result -> {
                    transaction.writes.forEach(Runnable::run);
                    commits++;
                  })
              .doOnError(error -> rollbacks++)
              .contextWrite(context -> context.put(KEY, transaction));
        });
  }

  public int commits() {
    return commits;
  }

  public int rollbacks() {
    return rollbacks;
  }
}
