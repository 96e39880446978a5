package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A service with a {@link DurableFunction} bean: the starter consumes the function's own queue,
 * runs it on the engine over PostgreSQL, and relays the events its steps send.
 */
@SpringBootTest(classes = DurableFunctionStarterTest.App.class)
class DurableFunctionStarterTest {
  private static final TestDatabase DATABASE = TestDatabase.create("starter-functions");
  private static final TestRabbit RABBIT = new TestRabbit();
  static final List<String> STEPS = new CopyOnWriteArrayList<>();
  static final List<String> ANNOUNCED = new CopyOnWriteArrayList<>();

  @Autowired TransactionalEventPublisher publisher;
  @Autowired ReactiveTransactionManager transactions;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired EngineSettings engineSettings;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestService.register(registry, "functions-test", DATABASE, RABBIT);
    registry.add("event-runtime.engine.workers", () -> "3");
    // A relay that polls only hourly: whatever reaches the broker in time was woken by its commit.
    registry.add("event-runtime.relay.poll-interval", () -> "1h");
    registry.add("event-runtime.relay.max-backoff", () -> "1h");
  }

  @AfterAll
  static void cleanUp() {
    String function = RABBIT.prefix() + "functions-test.announce-thing";
    String announced = RABBIT.prefix() + "functions-test.thing-announced";
    RABBIT.delete(
        List.of(function, function + ".dlq", announced, announced + ".dlq"),
        List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  /**
   * The event published in a transaction and the event the step sends both reach the broker at
   * once: each commit that writes outbox rows wakes the relay, which otherwise polls hourly here.
   */
  @Test
  void runsTheFunctionOnItsQueueAndRelaysTheEventItSendsAtOnce() {
    String thing = "thing-" + System.nanoTime();

    TransactionalOperator.create(transactions)
        .transactional(publisher.publish(thing, new ThingHappened(thing), null))
        .block();

    await().atMost(Duration.ofSeconds(30)).until(() -> ANNOUNCED.contains(thing));
    assertThat(STEPS).containsOnlyOnce(thing);
    assertThat(
            JdbcClient.create(dataSource)
                .sql("SELECT status FROM event_runtime.runs WHERE function_id = 'announce-thing'")
                .query(String.class)
                .list())
        .containsExactly("completed");
  }

  @Test
  void sizesTheWorkerPoolFromItsProperty() {
    assertThat(engineSettings.workers()).isEqualTo(3);
    assertThat(engineSettings.service()).isEqualTo("functions-test");
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    DurableFunction announceThing() {
      return DurableFunction.named("announce-thing")
          .triggeredBy(ThingHappened.class)
          .handler(
              ctx -> {
                ThingHappened happened = ctx.data(ThingHappened.class);
                ctx.step().run("record", key -> STEPS.add(happened.thingId()));
                ctx.step().sendEvent("announce", new ThingAnnounced(happened.thingId()));
                return null;
              });
    }

    @Bean
    Subscription<ThingAnnounced> thingAnnounced() {
      return new Subscription<>(
          "thing-announced", ThingAnnounced.class, d -> ANNOUNCED.add(d.data().thingId()));
    }
  }
}
