package com.ticketbounty.bench.driver;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The open loop's events as messages on the broker, in event-runtime's wire format as the runtime's
 * own relay sends it (message id, type, persistent), published with confirms.
 */
final class EventPublisher implements OpenLoop.Sender {
  static final String EVENT = "bench/run.requested";

  private final Channel channel;
  private final String exchange;

  EventPublisher(Channel channel, String exchange) throws IOException {
    this.channel = channel;
    this.exchange = exchange;
    channel.confirmSelect();
  }

  @Override
  public void send(int seq, long intendedMicros) throws IOException {
    UUID id = UUID.randomUUID();
    String body =
        "{\"id\":\"%s\",\"name\":\"%s\",\"v\":\"1.0\",\"ts\":%d,\"data\":{\"seq\":%d,\"sentAtMicros\":%d}}"
            .formatted(id, EVENT, intendedMicros / 1_000, seq, intendedMicros);
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .messageId(id.toString())
            .type(EVENT)
            .contentType("application/json")
            .deliveryMode(2)
            .appId("bench-driver")
            .timestamp(new Date(intendedMicros / 1_000))
            .headers(Map.of())
            .build();
    channel.basicPublish(exchange, EVENT, properties, body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void finish() throws Exception {
    channel.waitForConfirmsOrDie(30_000);
  }
}
