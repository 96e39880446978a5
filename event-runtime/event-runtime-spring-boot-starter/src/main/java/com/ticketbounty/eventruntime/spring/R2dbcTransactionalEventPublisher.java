package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.outbox.OutboxRelay;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.postgres.HeadersJson;
import com.ticketbounty.eventruntime.postgres.OutboxSql;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Writes the outbox row through Spring's {@link DatabaseClient}, which runs on the connection bound
 * to the subscriber's reactive transaction, so the row commits or rolls back with the caller's
 * changes. Publishing outside a transaction is refused: it would break that promise silently.
 */
final class R2dbcTransactionalEventPublisher implements TransactionalEventPublisher {
  private final DatabaseClient database;
  private final EventCodec codec;
  private final Optional<OutboxRelay> relay;

  R2dbcTransactionalEventPublisher(
      DatabaseClient database, EventCodec codec, Optional<OutboxRelay> relay) {
    this.database = database;
    this.codec = codec;
    this.relay = relay;
  }

  @Override
  public Mono<EventEnvelope> publish(
      String aggregateKey, Object contract, @Nullable EventUser user) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .onErrorMap(
            e ->
                new IllegalStateException(
                    "publish events inside a reactive transaction (TransactionalOperator)", e))
        .flatMap(
            transaction -> {
              if (!transaction.isActualTransactionActive()) {
                return Mono.error(
                    new IllegalStateException(
                        "publish events inside a reactive transaction (TransactionalOperator)"));
              }
              EventEnvelope event = codec.envelope(contract, user);
              transaction.registerSynchronization(wakeRelayAfterCommit());
              return database
                  .sql(OutboxSql.INSERT_NUMBERED)
                  .bind(0, event.id())
                  .bind(1, event.name())
                  .bind(2, aggregateKey)
                  .bind(3, codec.encode(event))
                  .bind(4, HeadersJson.write(TraceHeaders.capture()))
                  .fetch()
                  .rowsUpdated()
                  .thenReturn(event);
            });
  }

  private TransactionSynchronization wakeRelayAfterCommit() {
    return new TransactionSynchronization() {
      @Override
      public Mono<Void> afterCommit() {
        return Mono.fromRunnable(() -> relay.ifPresent(OutboxRelay::wakeUp));
      }
    };
  }
}
