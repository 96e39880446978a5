package com.ticketbounty.eventruntime.stream;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The inbox for projections that write with R2DBC: the inbox row is inserted first, in the reactive
 * transaction the work then runs in, and committed with it. A duplicate delivered meanwhile waits
 * on the uncommitted row and is then dropped; work that fails rolls the row back, so the redelivery
 * runs it again. (The JDBC projections' inbox is event-runtime-postgres's {@code
 * PostgresInboxStore}, the same table.)
 */
final class R2dbcInbox {
  private static final String RECORD =
      "INSERT INTO event_runtime.inbox (subscription, event_id) VALUES (:subscription, :eventId)"
          + " ON CONFLICT DO NOTHING";

  private final DatabaseClient database;
  private final TransactionalOperator transactions;

  R2dbcInbox(DatabaseClient database, TransactionalOperator transactions) {
    this.database = database;
    this.transactions = transactions;
  }

  /**
   * @return whether the work ran; false when the event had already been processed
   */
  Mono<Boolean> processOnce(String subscription, UUID eventId, Mono<Void> work) {
    return transactions.transactional(
        database
            .sql(RECORD)
            .bind("subscription", subscription)
            .bind("eventId", eventId)
            .fetch()
            .rowsUpdated()
            .flatMap(recorded -> recorded == 1 ? work.thenReturn(true) : Mono.just(false)));
  }
}
