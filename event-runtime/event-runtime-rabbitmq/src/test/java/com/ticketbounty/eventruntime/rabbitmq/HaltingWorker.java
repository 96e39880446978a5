package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.SubscriptionDispatcher;
import com.ticketbounty.eventruntime.codec.EventCodec;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * A worker process for {@link PoisonThatKillsTheWorkerTest}: it consumes one subscription whose
 * handler kills the JVM on the spot ({@code Runtime.halt}), as a poison message that crashes its
 * worker would. Arguments: RabbitMQ host, port, name prefix, delivery limit.
 */
public final class HaltingWorker {
  private HaltingWorker() {}

  public static void main(String[] args) throws Exception {
    RabbitSettings settings =
        RabbitSettings.of(
                args[0],
                Integer.parseInt(args[1]),
                "guest",
                "guest",
                "/",
                args[2],
                RabbitTestKit.SERVICE)
            .withConsumers(1, 1, Integer.parseInt(args[3]));
    RabbitConnector connector = RabbitConnector.start(settings);
    RabbitMessageSource source = new RabbitMessageSource(connector);
    source.subscribe(
        "halting",
        "test/ping",
        new SubscriptionDispatcher<>(
            new Subscription<>(
                "halting",
                Ping.class,
                delivery -> {
                  System.out.println("handling " + delivery.data().text() + "; halting");
                  Runtime.getRuntime().halt(3);
                }),
            new EventCodec(Clock.systemUTC()),
            new InMemoryInbox()));
    new CountDownLatch(1).await();
  }
}
