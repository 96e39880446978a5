package com.ticketbounty.eventruntime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.rabbitmq.RabbitConnector;
import com.ticketbounty.eventruntime.rabbitmq.RabbitMessageSource;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The projection contract with Spring Cloud Stream's Rabbit binder taking the queues. */
@SpringBootTest(classes = ProjectionContract.App.class)
class BinderProjectionTest extends ProjectionContract {
  private static final String SERVICE = "projections-binder";
  private static final TestDatabase DATABASE = TestDatabase.create("projections_binder");
  private static final TestRabbit RABBIT = new TestRabbit();

  @Autowired RabbitConnector connector;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, SERVICE, DATABASE, RABBIT, ProjectionConsumer.BINDER);
  }

  @AfterAll
  static void cleanUp() {
    cleanUp(RABBIT, SERVICE);
    DATABASE.close();
  }

  @Override
  TestRabbit rabbit() {
    return RABBIT;
  }

  @Override
  String service() {
    return SERVICE;
  }

  /**
   * The runtime's consumer declares its queues with its own arguments; RabbitMQ refuses a
   * redeclaration with others (PRECONDITION_FAILED) and the runtime's consumer then never starts.
   * It starts on the queue the binder declared: the arguments are the same.
   */
  @Test
  void declaresTheQueueWithTheArgumentsOfTheRuntimesConsumer() {
    String queue = RABBIT.prefix() + SERVICE + ".thing-recorded";
    await().atMost(Duration.ofSeconds(30)).until(() -> RABBIT.consumers(queue) == 1);
    AtomicInteger taken = new AtomicInteger();

    try (RabbitMessageSource runtime = new RabbitMessageSource(connector)) {
      runtime.subscribe(
          "thing-recorded",
          "test/thing.happened",
          message -> {
            taken.incrementAndGet();
            return new Outcome.Retry("only looking");
          });

      await().atMost(Duration.ofSeconds(30)).until(() -> RABBIT.consumers(queue) == 2);
      await().atMost(Duration.ofSeconds(30)).until(() -> RABBIT.consumers(queue + ".dlq") >= 1);
    }
    assertThat(RABBIT.consumers(queue)).isEqualTo(1);
  }
}
