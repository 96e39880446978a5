package com.ticketbounty.bench.subject;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.workflow.WorkflowHandle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * DBOS Transact fed like the hand-written baseline: an amqp-client consumer (prefetch 250) hands
 * each delivery to one of 8 workers, which starts the workflow with the event id as workflow id,
 * waits for its result (DBOS completes the handle after it has written the workflow's output) and
 * then acks. So at most 8 runs execute at once, as in the other subjects, and a redelivery finds
 * the same workflow.
 */
final class DbosSubject implements SubjectMain.Subject {
  static final int WORKERS = 8;

  private final SubjectArgs args;
  private final DriverLink link;
  private final HikariDataSource dataSource;
  private final ExecutorService workers;
  private DBOS dbos;
  private Connection connection;

  DbosSubject(SubjectArgs args, DriverLink link) {
    this.args = args;
    this.link = link;
    // 8 workflows at once, each on one connection at a time, plus DBOS's own pollers.
    this.dataSource = args.dataSource(12);
    this.workers = Executors.newFixedThreadPool(WORKERS);
  }

  @Override
  public String start() throws Exception {
    dbos =
        new DBOS(
            DBOSConfig.defaults("bench")
                .withDatabaseUrl(args.jdbcUrl())
                .withDbUser("postgres")
                .withDataSource(dataSource)
                .disableAdminServer());
    BenchWorkflow workflow =
        dbos.registerProxy(
            BenchWorkflow.class, new DbosWorkflow(dbos, new StepWork(args.provider())));
    dbos.launch();
    int steps = args.number("steps", 3);
    connection = SubjectArgs.rabbit().newConnection("bench-dbos");
    Channel channel = connection.createChannel();
    String queue = BaselineQueue.declare(channel, args.text("prefix"), "dbos");
    channel.basicQos(250);
    channel.basicConsume(
        queue,
        false,
        (tag, delivery) -> workers.execute(() -> handle(channel, workflow, delivery, steps)),
        tag -> {});
    return queue;
  }

  private void handle(Channel channel, BenchWorkflow workflow, Delivery delivery, int steps) {
    long tag = delivery.getEnvelope().getDeliveryTag();
    try {
      BaselineEvent event = BaselineEvent.read(delivery.getBody());
      String id = event.id().toString();
      WorkflowHandle<String, RuntimeException> handle =
          dbos.startWorkflow(() -> workflow.process(id, steps), new StartWorkflowOptions(id));
      handle.getResult();
      link.completed(event.seq());
      channel.basicAck(tag, false);
    } catch (Exception e) {
      e.printStackTrace();
      try {
        channel.basicNack(tag, false, true);
      } catch (Exception ignored) {
        // the channel is gone: the broker redelivers
      }
    }
  }

  @Override
  public void close() throws Exception {
    connection.close();
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
    dbos.shutdown();
    dataSource.close();
  }
}
