package com.ticketbounty.bench.subject;

import com.rabbitmq.client.Channel;
import com.ticketbounty.eventruntime.outbox.OutboxRelay;
import com.ticketbounty.eventruntime.outbox.RelaySettings;
import com.ticketbounty.eventruntime.postgres.OutboxWriter;
import com.ticketbounty.eventruntime.postgres.PostgresOutboxStore;
import com.ticketbounty.eventruntime.postgres.RuntimeSchema;
import com.ticketbounty.eventruntime.rabbitmq.RabbitConnector;
import com.ticketbounty.eventruntime.rabbitmq.RabbitMessagePublisher;
import com.ticketbounty.eventruntime.rabbitmq.RabbitSettings;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario 3's subject: {@code messages} events of {@code size} bytes written to the outbox as a
 * step's {@code sendEvent} writes them ({@link OutboxWriter}), then — on the driver's {@code GO} —
 * the relay publishing them with confirms to the events exchange, bound to one quorum queue. Says
 * {@code DONE <messages> <micros>} once the outbox has no unsent row.
 */
final class RelaySubject {
  static final String EVENT = "bench/published";

  private RelaySubject() {}

  static void run(SubjectArgs args, DriverLink link) throws Exception {
    int messages = args.number("messages", 1_000);
    int size = args.number("size", 512);
    try (HikariDataSource dataSource = args.dataSource(3)) {
      RuntimeSchema.migrate(dataSource);
      preload(dataSource, messages, size);
      RabbitSettings settings =
          RabbitSettings.of(
              "127.0.0.1", 5672, "guest", "guest", "/", args.text("prefix"), "bench-relay");
      try (RabbitConnector connector = RabbitConnector.start(settings)) {
        String queue = declareQueue(connector);
        link.say("READY " + queue);
        if (!DriverLink.await("GO")) {
          return;
        }
        OutboxRelay relay =
            new OutboxRelay(
                new PostgresOutboxStore(dataSource),
                new RabbitMessagePublisher(connector, Clock.systemUTC()),
                RelaySettings.DEFAULTS);
        long start = System.nanoTime();
        relay.start("bench-relay");
        relay.wakeUp();
        while (unsent(dataSource) > 0) {
          Thread.sleep(20);
        }
        long micros = (System.nanoTime() - start) / 1_000;
        relay.close();
        link.say("DONE " + messages + " " + micros);
      }
    }
  }

  private static void preload(HikariDataSource dataSource, int messages, int size)
      throws Exception {
    OutboxWriter writer = new OutboxWriter();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < messages; i++) {
        UUID id = UUID.randomUUID();
        writer.write(
            connection, new OutboxMessage(id, EVENT, id.toString(), body(id, size), Map.of()));
        if (i % 500 == 499) {
          connection.commit();
        }
      }
      connection.commit();
    }
  }

  /** An envelope padded to {@code size} bytes, the size PerfTest is given. */
  static String body(UUID id, int size) {
    String head =
        "{\"id\":\""
            + id
            + "\",\"name\":\""
            + EVENT
            + "\",\"v\":\"1.0\",\"ts\":0,\"data\":{\"pad\":\"";
    String tail = "\"}}";
    int pad = Math.max(0, size - head.length() - tail.length());
    return head + "x".repeat(pad) + tail;
  }

  private static String declareQueue(RabbitConnector connector) throws Exception {
    // The connector connects on a thread of its own; the queue needs the connection now.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!connector.isConnected() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    String queue = connector.names().queue("published");
    Channel channel = connector.openChannel();
    try {
      channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
      channel.queueBind(queue, connector.names().exchange(), EVENT);
    } finally {
      channel.close();
    }
    return queue;
  }

  private static long unsent(HikariDataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count =
            statement.executeQuery(
                "SELECT count(*) FROM event_runtime.outbox WHERE published_at IS NULL")) {
      count.next();
      return count.getLong(1);
    }
  }
}
