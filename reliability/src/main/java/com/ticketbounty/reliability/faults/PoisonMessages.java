package com.ticketbounty.reliability.faults;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Poison messages published straight onto the system's events exchange, as a broken or hostile
 * producer would: a body that is not JSON, an event of a MAJOR version nobody knows, and an event
 * whose sealed field cannot be opened. Each must end as a dead letter with its reason, in every
 * queue that received it, while the load goes on untouched.
 */
final class PoisonMessages implements Fault {
  private final String undecodable = UUID.randomUUID().toString();
  private final String unknownMajor = UUID.randomUUID().toString();
  private final String sealedGarbage = UUID.randomUUID().toString();

  @Override
  public int number() {
    return 5;
  }

  @Override
  public String description() {
    return "poison messages (not JSON, unknown MAJOR, a field that cannot be opened)";
  }

  @Override
  public Set<String> poisonIds() {
    return Set.of(undecodable, unknownMajor, sealedGarbage);
  }

  @Override
  public void inject(SuiteSystem system, Duration window) throws Exception {
    try (Connection connection = system.broker().connect("fault-suite-poison");
        Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      String exchange = system.instance() + ".events";
      String ticketCreated = "app/ticket.created";
      publish(channel, exchange, ticketCreated, undecodable, "{\"id\": not json");
      publish(
          channel,
          exchange,
          ticketCreated,
          unknownMajor,
          event(unknownMajor, ticketCreated, "9.0", ticketData()));
      String reset = "app/password.password-reset-function";
      publish(
          channel,
          exchange,
          reset,
          sealedGarbage,
          event(
              sealedGarbage,
              reset,
              "1.0",
              """
              {"userId":"%s","email":"poison@faults.example",\
              "resetLink":{"$enc":"v2:00000000:bm90IGEgY2lwaGVydGV4dCBhdCBhbGw="},\
              "expiresAt":"2030-01-01T00:00:00Z"}"""
                  .formatted(UUID.randomUUID())));
      channel.waitForConfirmsOrDie(10_000);
    }
  }

  @Override
  public void lift(SuiteSystem system) {
    // Nothing to undo: the messages are out; the reconciliation looks for their dead letters.
  }

  private static void publish(Channel channel, String exchange, String name, String id, String body)
      throws Exception {
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .messageId(id)
            .type(name)
            .contentType("application/json")
            .deliveryMode(2)
            .appId("fault-suite")
            .headers(Map.of())
            .build();
    channel.basicPublish(exchange, name, properties, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String event(String id, String name, String version, String data) {
    return """
        {"id":"%s","name":"%s","v":"%s","ts":%d,"data":%s}"""
        .formatted(id, name, version, System.currentTimeMillis(), data);
  }

  private static String ticketData() {
    return """
        {"ticketId":"%s","userId":"%s","title":"poison","description":"poison",\
        "priority":"low","deadline":"2030-01-01","bounty":5000}"""
        .formatted(UUID.randomUUID(), UUID.randomUUID());
  }
}
