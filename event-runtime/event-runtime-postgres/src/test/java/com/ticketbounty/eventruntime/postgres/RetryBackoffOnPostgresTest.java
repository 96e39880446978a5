package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, point 3, on PostgreSQL with the engine loop running: a step failing twice then
 * succeeding gets three attempts whose recorded due times are exactly the failure time plus the
 * policy's backoff (the jitter drawn from the engine's seeded random), and no attempt starts before
 * its due time. Meanwhile another run completes on the same single worker thread: a backoff holds
 * no worker.
 */
class RetryBackoffOnPostgresTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(4, Duration.ofSeconds(4), Duration.ofSeconds(16));

  @EventType(name = "test/payment.requested", version = "1.0")
  record PaymentRequested(String paymentId) {}

  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId) {}

  /** One attempt of the failing step, as its body saw it on the store's clock. */
  record Attempt(Instant startedAt, @Nullable StepRecord previous) {}

  private PostgresEngines engines;
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("retry_backoff", 4);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  @Test
  void retriesFollowTheBackoffWhileAnotherRunCompletes() {
    PostgresRunStore store = engines.store();
    DurableFunction charge =
        DurableFunction.named("charge")
            .triggeredBy(PaymentRequested.class)
            .retryPolicy(POLICY)
            .handler(
                ctx ->
                    ctx.step()
                        .run(
                            "charge",
                            String.class,
                            key -> {
                              attempts.add(new Attempt(store.now(), chargeStep(ctx.runId())));
                              if (attempts.size() < 3) {
                                throw new IllegalStateException("provider down");
                              }
                              return "charged";
                            }));
    DurableFunction confirm =
        DurableFunction.named("confirm")
            .triggeredBy(OrderPlaced.class)
            .handler(ctx -> ctx.step().run("confirm", String.class, key -> "confirmed"));
    DurableEngine engine = engines.start("worker-1", 1, charge, confirm);

    RunRecord charged =
        engine.submit(List.of(codec.envelope(new PaymentRequested("p-1"), null))).get(0);
    await().atMost(Duration.ofSeconds(20)).until(() -> !attempts.isEmpty());
    await().atMost(Duration.ofSeconds(20)).until(() -> chargeStep(charged.id().toString()) != null);
    RunRecord confirmed =
        engine.submit(List.of(codec.envelope(new OrderPlaced("o-1"), null))).get(0);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> store.run(charged.id()).orElseThrow().status().finished());

    assertThat(store.run(charged.id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(attempts).hasSize(3);
    StepRecord done = store.steps(charged.id()).get(0);
    assertThat(done.status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(done.attempts()).isEqualTo(3);
    Random jitter = new Random(PostgresEngines.SEED);
    for (int failed = 1; failed <= 2; failed++) {
      Duration delay = POLICY.delayAfter(failed, jitter);
      assertThat(delay)
          .as("the jitter stays in the upper half of the ceiling")
          .isBetween(POLICY.ceiling(failed).dividedBy(2), POLICY.ceiling(failed));
      assertBackoff(failed, delay);
    }
    RunRecord other = store.run(confirmed.id()).orElseThrow();
    assertThat(other.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(other.endedAt())
        .as("the other run completed during the first backoff")
        .isBefore(attempts.get(1).previous().wakeAt());
  }

  /** The due time recorded after attempt {@code failed} failed, as the next attempt saw it. */
  private void assertBackoff(int failed, Duration delay) {
    StepRecord retrying = attempts.get(failed).previous();
    assertThat(retrying).isNotNull();
    assertThat(retrying.status()).isEqualTo(StepStatus.RETRYING);
    assertThat(retrying.attempts()).isEqualTo(failed);
    Instant failedAt = retrying.wakeAt().minus(delay);
    assertThat(failedAt)
        .as("due = the failure's time + the backoff drawn for attempt " + failed)
        .isBetween(attempts.get(failed - 1).startedAt(), retrying.recordedAt());
    assertThat(attempts.get(failed).startedAt())
        .as("attempt " + (failed + 1) + " starts no sooner than its due time")
        .isAfterOrEqualTo(retrying.wakeAt());
  }

  private @Nullable StepRecord chargeStep(String runId) {
    return engines.store().steps(UUID.fromString(runId)).stream()
        .filter(step -> step.key().equals("charge"))
        .findFirst()
        .orElse(null);
  }
}
