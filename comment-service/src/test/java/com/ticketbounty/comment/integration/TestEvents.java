package com.ticketbounty.comment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes events to the service as another service's outbox relay would: the wire format of
 * DESIGN.md §4, its AMQP properties, routed by event name. A message nobody is bound to fails the
 * test rather than vanishing.
 */
final class TestEvents {
  private static final EventCodec CODEC = new EventCodec(Clock.systemUTC());

  private final Connection broker;
  private final String exchange;

  TestEvents(Connection broker, String exchange) {
    this.broker = broker;
    this.exchange = exchange;
  }

  /** Publishes {@code contract} on behalf of {@code actingUser}; returns it as it travelled. */
  EventEnvelope publish(Object contract, UUID actingUser) throws Exception {
    EventEnvelope event = CODEC.envelope(contract, new EventUser(actingUser.toString()));
    publish(event);
    return event;
  }

  /** Publishes {@code event} (again, for a duplicate) exactly as it is. */
  void publish(EventEnvelope event) throws Exception {
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .messageId(event.id().toString())
            .type(event.name())
            .contentType("application/json")
            .deliveryMode(2)
            .headers(Map.of())
            .build();
    try (Channel channel = broker.createChannel()) {
      AtomicBoolean unroutable = new AtomicBoolean();
      channel.addReturnListener(returned -> unroutable.set(true));
      channel.confirmSelect();
      channel.basicPublish(
          exchange,
          event.name(),
          true,
          properties,
          CODEC.encode(event).getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(RunningCommentService.PATIENCE.toMillis());
      // The broker returns an unroutable mandatory message before confirming it.
      assertThat(unroutable).as("%s reached a queue", event.name()).isFalse();
    }
  }
}
