package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message whose processing kills its worker every time does not loop forever: each death returns
 * it to the quorum queue, which counts the delivery, and past the delivery limit the broker moves
 * it to the dead-letter queue — where the next worker finds the queue empty and lives.
 */
class PoisonThatKillsTheWorkerTest {
  private static final int DELIVERY_LIMIT = 2;
  private static RabbitTestKit kit;

  @BeforeAll
  static void setUp() {
    kit = new RabbitTestKit();
  }

  @AfterAll
  static void cleanUp() throws IOException {
    kit.close();
  }

  @Test
  void reachesTheDeadLetterQueueThroughTheDeliveryLimit() throws Exception {
    String queue = kit.queueOf("halting");
    int deaths = 0;
    Process worker = start();
    awaitConsumer(queue, worker);
    kit.publishRaw("test/ping", kit.ping("a", "poison").body());

    String deadLetters = kit.names.deadLetterQueue(queue);
    while (true) {
      Process current = worker;
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !current.isAlive() || kit.readyCount(deadLetters) > 0);
      if (current.isAlive()) {
        break;
      }
      assertThat(current.exitValue()).as("killed by the poison").isEqualTo(3);
      deaths++;
      assertThat(deaths)
          .as("deaths before the limit stops it")
          .isLessThanOrEqualTo(DELIVERY_LIMIT + 1);
      worker = start();
      awaitConsumer(queue, worker);
    }

    List<GetResponse> dead = kit.take(kit.names.deadLetterQueue(queue), 1);
    assertThat(RabbitTestKit.text(dead.get(0))).contains("poison");
    assertThat(deaths).isEqualTo(DELIVERY_LIMIT + 1);
    assertThat(worker.isAlive()).as("the last worker lives: the poison is gone").isTrue();
    worker.destroyForcibly();
    worker.waitFor(10, TimeUnit.SECONDS);
  }

  private static Process start() throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            HaltingWorker.class.getName(),
            kit.rabbit.host(),
            Integer.toString(kit.rabbit.port()),
            kit.rabbit.prefix(),
            Integer.toString(DELIVERY_LIMIT))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/halting-worker.log")))
        .start();
  }

  /** Until the worker consumes, or it has died (on a message delivered at once). */
  private static void awaitConsumer(String queue, Process worker) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> kit.consumerCount(queue) == 1 || !worker.isAlive());
  }
}
