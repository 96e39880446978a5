package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.FunctionFailed;
import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Failure handling over the real PostgreSQL and RabbitMQ: retries used up fail the run, its
 * onFailure runs, and runtime/function.failed travels through the outbox and the broker to a global
 * failure handler; a NonRetriableException gets one attempt only; a failing global handler does not
 * publish another failure.
 */
@SpringBootTest(classes = FailureHandlingStarterTest.App.class)
class FailureHandlingStarterTest {
  private static final TestDatabase DATABASE = TestDatabase.create("starter_failures");
  private static final TestRabbit RABBIT = new TestRabbit();
  static final AtomicInteger FLAKY_ATTEMPTS = new AtomicInteger();
  static final AtomicInteger FATAL_ATTEMPTS = new AtomicInteger();
  static final List<String> ON_FAILURE = new CopyOnWriteArrayList<>();
  static final List<String> GLOBALLY_SEEN = new CopyOnWriteArrayList<>();
  private static final Duration QUIET_PERIOD = Duration.ofSeconds(3);

  @Autowired TransactionalEventPublisher publisher;
  @Autowired ReactiveTransactionManager transactions;
  @Autowired javax.sql.DataSource dataSource;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestService.register(registry, "failures-test", DATABASE, RABBIT);
  }

  @AfterAll
  static void cleanUp() {
    List<String> queues =
        List.of("always-failing", "fatal", "global-failure-handler").stream()
            .map(function -> RABBIT.prefix() + "failures-test." + function)
            .flatMap(queue -> List.of(queue, queue + ".dlq").stream())
            .toList();
    RABBIT.delete(queues, List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void usedUpRetriesFailTheRunRunOnFailureAndReachTheGlobalHandlerOnce() {
    publish("flaky-1");

    await().atMost(Duration.ofSeconds(60)).until(() -> !globallySeen("always-failing").isEmpty());
    // Once: a second publication or delivery of the failure would reach the handler within a few
    // of the relay's (500 ms) and the engine's (200 ms) polls, so the count must hold for longer.
    await()
        .during(QUIET_PERIOD)
        .atMost(QUIET_PERIOD.plusSeconds(5))
        .untilAsserted(
            () ->
                assertThat(globallySeen("always-failing"))
                    .as("runs of the global handler for the failure")
                    .hasSize(1));
    assertThat(FLAKY_ATTEMPTS).as("1 + 2 retries").hasValue(3);
    assertThat(ON_FAILURE).containsExactly("flaky-1");
    assertThat(status("always-failing")).containsExactly("failed");
    assertThat(globallySeen("always-failing")).singleElement().asString().contains("provider down");
  }

  private static List<String> globallySeen(String function) {
    return GLOBALLY_SEEN.stream().filter(seen -> seen.startsWith(function + ":")).toList();
  }

  @Test
  void aNonRetriableFailureGetsOneAttemptOnly() {
    publish("fatal-1");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> GLOBALLY_SEEN.stream().anyMatch(seen -> seen.startsWith("fatal")));
    assertThat(FATAL_ATTEMPTS).hasValue(1);
    assertThat(status("fatal")).containsExactly("failed");

    // Once every run of the failing global handler has failed for good…
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<String> handled = status("global-failure-handler");
              return handled.size() == GLOBALLY_SEEN.size()
                  && handled.stream().allMatch("failed"::equals);
            });
    // …none of those failures was published again.
    assertThat(
            JdbcClient.create(dataSource)
                .sql(
                    "SELECT count(*) FROM event_runtime.outbox"
                        + " WHERE event_name = 'runtime/function.failed'"
                        + " AND body LIKE '%\"function\":\"global-failure-handler\"%'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            JdbcClient.create(dataSource)
                .sql(
                    "SELECT count(*) FROM event_runtime.outbox"
                        + " WHERE event_name = 'runtime/function.failed'"
                        + " AND body LIKE '%\"function\":\"fatal\"%'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private void publish(String thing) {
    TransactionalOperator.create(transactions)
        .transactional(publisher.publish(thing, new ThingHappened(thing), null))
        .block();
  }

  private List<String> status(String function) {
    return JdbcClient.create(dataSource)
        .sql("SELECT status FROM event_runtime.runs WHERE function_id = ?")
        .param(function)
        .query(String.class)
        .list();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    DurableFunction alwaysFailing() {
      return DurableFunction.named("always-failing")
          .triggeredBy(ThingHappened.class, "event.data.thingId.startsWith('flaky')")
          .retryPolicy(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(200)))
          .onFailure(
              (failure, step) ->
                  step.run(
                      "remember",
                      key -> ON_FAILURE.add(failure.event().data().get("thingId").asString())))
          .handler(
              ctx -> {
                ctx.step()
                    .run(
                        "call-provider",
                        key -> {
                          FLAKY_ATTEMPTS.incrementAndGet();
                          throw new IllegalStateException("provider down");
                        });
                return null;
              });
    }

    @Bean
    DurableFunction fatal() {
      return DurableFunction.named("fatal")
          .triggeredBy(ThingHappened.class, "event.data.thingId.startsWith('fatal')")
          .handler(
              ctx -> {
                ctx.step()
                    .run(
                        "reject",
                        key -> {
                          FATAL_ATTEMPTS.incrementAndGet();
                          throw new NonRetriableException("the provider refused it");
                        });
                return null;
              });
    }

    /** The service's global failure handler; it fails too, which must not loop. */
    @Bean
    DurableFunction globalFailureHandler() {
      return DurableFunction.named("global-failure-handler")
          .triggeredBy(FunctionFailed.NAME)
          .retries(0)
          .handler(
              ctx -> {
                FunctionFailed failed = ctx.data(FunctionFailed.class);
                GLOBALLY_SEEN.add(failed.function() + ": " + failed.error());
                throw new IllegalStateException("the alerting channel is down too");
              });
    }
  }
}
