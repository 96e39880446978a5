package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.EventContracts;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventMajors;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.outbox.TraceHeaders;
import com.ticketbounty.eventruntime.postgres.HeadersJson;
import com.ticketbounty.eventruntime.postgres.OutboxSql;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes the outbox row through Spring's {@link DatabaseClient}, which runs on the connection bound
 * to the subscriber's reactive transaction, so the row commits or rolls back with the caller's
 * changes. Publishing outside a transaction is refused: it would break that promise silently.
 */
final class R2dbcTransactionalEventPublisher implements TransactionalEventPublisher {
  private final DatabaseClient database;
  private final EventCodec codec;
  private final OutboxSignal outboxCommitted;

  R2dbcTransactionalEventPublisher(
      DatabaseClient database, EventCodec codec, OutboxSignal outboxCommitted) {
    this.database = database;
    this.codec = codec;
    this.outboxCommitted = outboxCommitted;
  }

  @Override
  public Mono<EventEnvelope> publish(
      String aggregateKey, Object contract, @Nullable EventUser user) {
    return insert(aggregateKey, contract, user, Map.of());
  }

  @Override
  public Mono<List<EventEnvelope>> publishInMajors(
      String aggregateKey, List<?> contracts, @Nullable EventUser user) {
    Map<String, String> majors;
    try {
      majors = Map.of(EventMajors.HEADER, EventMajors.header(majorsOf(contracts)));
    } catch (IllegalArgumentException e) {
      return Mono.error(e);
    }
    return Flux.fromIterable(contracts)
        .concatMap(contract -> insert(aggregateKey, contract, user, majors))
        .collectList();
  }

  private static List<Integer> majorsOf(List<?> contracts) {
    if (contracts.size() < 2) {
      throw new IllegalArgumentException("publishInMajors needs two or more MAJORs of one event");
    }
    Set<String> names = new HashSet<>();
    contracts.forEach(contract -> names.add(EventContracts.typeOf(contract.getClass()).name()));
    if (names.size() != 1) {
      throw new IllegalArgumentException("the MAJORs of one event were expected, not " + names);
    }
    // The message names versions only: a record's fields may be sensitive.
    List<Integer> majors = new ArrayList<>();
    for (Object contract : contracts) {
      int major = EventContracts.versionOf(contract.getClass()).major();
      if (majors.contains(major)) {
        throw new IllegalArgumentException(
            "MAJOR " + major + " is given twice for " + names.iterator().next());
      }
      majors.add(major);
    }
    return majors;
  }

  private Mono<EventEnvelope> insert(
      String aggregateKey,
      Object contract,
      @Nullable EventUser user,
      Map<String, String> extraHeaders) {
    // The caller's trace context where the Mono is made; used when none is current where it runs
    // (a reactive chain may run on another thread, unless context propagation restores it there).
    Context assembled = Context.current();
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
              transaction.registerSynchronization(signalAfterCommit());
              return database
                  .sql(OutboxSql.INSERT_NUMBERED)
                  .bind(0, event.id())
                  .bind(1, event.name())
                  .bind(2, aggregateKey)
                  .bind(3, codec.encode(event))
                  .bind(4, HeadersJson.write(headers(assembled, extraHeaders)))
                  .fetch()
                  .rowsUpdated()
                  .thenReturn(event);
            });
  }

  private static Map<String, String> headers(Context assembled, Map<String, String> extra) {
    Map<String, String> headers =
        Span.current().getSpanContext().isValid()
            ? new HashMap<>(TraceHeaders.capture())
            : TraceHeaders.inject(assembled, Map.of());
    headers.putAll(extra);
    return headers;
  }

  private TransactionSynchronization signalAfterCommit() {
    return new TransactionSynchronization() {
      @Override
      public Mono<Void> afterCommit() {
        return Mono.fromRunnable(outboxCommitted::committed);
      }
    };
  }
}
