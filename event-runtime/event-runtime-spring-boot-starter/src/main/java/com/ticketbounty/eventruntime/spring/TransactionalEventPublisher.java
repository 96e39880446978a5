package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Publishes events from a WebFlux/R2DBC service: the event is written to the service's outbox
 * through the caller's reactive transaction (a {@code TransactionalOperator} or
 * {@code @Transactional} around the returned {@code Mono}), so the state change and its event
 * commit or roll back together. After the commit the relay is woken and sends it to RabbitMQ.
 */
public interface TransactionalEventPublisher {

  /**
   * @param aggregateKey the aggregate the event is about (a ticket id): events of one aggregate
   *     reach the broker in the order they were written
   * @param contract a record annotated with {@code @EventType}
   * @param user the acting user, if any
   * @return the event as written
   */
  Mono<EventEnvelope> publish(String aggregateKey, Object contract, @Nullable EventUser user);

  /**
   * Publishes one occurrence of an event in several MAJOR versions, in the caller's transaction,
   * while its consumers move from the old MAJOR to the new one (DESIGN.md §4). Every message
   * carries {@link com.ticketbounty.eventruntime.EventMajors#HEADER} listing all the MAJORs, so
   * each consumer runs on the copy it reads and acks the others instead of dead-lettering them.
   *
   * @param contracts records of one event name, each of a different MAJOR
   * @return the events as written, in the order given
   * @throws IllegalArgumentException when the records name different events or repeat a MAJOR
   */
  Mono<List<EventEnvelope>> publishInMajors(
      String aggregateKey, List<?> contracts, @Nullable EventUser user);
}
