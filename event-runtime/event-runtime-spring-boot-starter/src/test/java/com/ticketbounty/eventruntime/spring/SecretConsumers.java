package com.ticketbounty.eventruntime.spring;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Both kinds of consumer of {@link SecretShared} — a subscription ({@code secret-kept}) and a
 * durable function ({@code secret-mailed}) — noting what each opened in {@link #RECEIVED}, for the
 * tests of sealed fields on the real broker; and a producer that publishes a body exactly as given,
 * as another service or an attacker would.
 */
@Configuration(proxyBeanMethods = false)
class SecretConsumers {
  /** {@code "<thing> kept <secret>"}, {@code "<thing> mailed <secret>"}. */
  static final Set<String> RECEIVED = ConcurrentHashMap.newKeySet();

  @Bean
  Subscription<SecretShared> secretKept() {
    return new Subscription<>(
        "secret-kept",
        SecretShared.class,
        delivery -> RECEIVED.add(delivery.data().thingId() + " kept " + delivery.data().secret()));
  }

  @Bean
  DurableFunction secretMailed() {
    return DurableFunction.named("secret-mailed")
        .triggeredBy(SecretShared.class)
        .handler(
            ctx -> {
              SecretShared shared = ctx.data(SecretShared.class);
              ctx.step()
                  .run(
                      "mail", key -> RECEIVED.add(shared.thingId() + " mailed " + shared.secret()));
              return null;
            });
  }

  /** Publishes {@code body} to the events exchange as it is, with the runtime's AMQP properties. */
  static void publishRaw(TestRabbit rabbit, String id, String name, String body) throws Exception {
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .messageId(id)
            .type(name)
            .contentType("application/json")
            .deliveryMode(2)
            .build();
    try (Connection connection = rabbit.connectionFactory().newConnection("raw-producer");
        Channel channel = connection.createChannel()) {
      channel.basicPublish(
          rabbit.prefix() + "events", name, properties, body.getBytes(StandardCharsets.UTF_8));
    }
  }
}
