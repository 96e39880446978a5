package com.ticketbounty.bench.subject;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What a competent engineer writes by hand for the same function: an amqp-client consumer (prefetch
 * 250) handing each delivery to a pool of 8 workers (as many as event-runtime's), each run in 2 +
 * steps JDBC transactions on a HikariCP pool — its start, one per step, its end — and the message
 * acked after the completion commit. Nothing is batched across runs.
 */
final class HandWrittenSubject implements SubjectMain.Subject {
  static final int WORKERS = 8;

  private final SubjectArgs args;
  private final DriverLink link;
  private final HikariDataSource dataSource;
  private final ExecutorService workers;
  private Connection connection;

  HandWrittenSubject(SubjectArgs args, DriverLink link) {
    this.args = args;
    this.link = link;
    this.dataSource = args.dataSource(WORKERS);
    this.workers = Executors.newFixedThreadPool(WORKERS);
  }

  @Override
  public String start() throws Exception {
    HandWrittenRuns runs = new HandWrittenRuns(dataSource, new StepWork(args.provider()));
    runs.createTables();
    int steps = args.number("steps", 3);
    connection = SubjectArgs.rabbit().newConnection("bench-hand-written");
    Channel channel = connection.createChannel();
    String queue = BaselineQueue.declare(channel, args.text("prefix"), "hand-written");
    channel.basicQos(250);
    channel.basicConsume(
        queue,
        false,
        (tag, delivery) -> workers.execute(() -> handle(channel, runs, delivery, steps)),
        tag -> {});
    return queue;
  }

  private void handle(Channel channel, HandWrittenRuns runs, Delivery delivery, int steps) {
    long tag = delivery.getEnvelope().getDeliveryTag();
    try {
      BaselineEvent event = BaselineEvent.read(delivery.getBody());
      if (runs.run(event, steps)) {
        link.completed(event.seq());
      }
      channel.basicAck(tag, false);
    } catch (Exception e) {
      e.printStackTrace();
      nack(channel, tag);
    }
  }

  private static void nack(Channel channel, long tag) {
    try {
      channel.basicNack(tag, false, true);
    } catch (Exception e) {
      e.printStackTrace();
    }
  }

  @Override
  public void close() throws Exception {
    connection.close();
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
    dataSource.close();
  }

  static void rollbackQuietly(java.sql.Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the pool drops it
    }
  }
}
