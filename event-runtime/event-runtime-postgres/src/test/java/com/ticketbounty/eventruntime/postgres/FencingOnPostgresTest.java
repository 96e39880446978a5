package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fencing is per attempt, not per process: an instance whose lease lapsed (a database outage, a
 * starved renewal thread) and that claims its own run again must not let the stale attempt write.
 */
class FencingOnPostgresTest {
  @EventType(name = "test/job.started", version = "1.0")
  record JobStarted(String jobId) {}

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private PostgresEngines engines;

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("fencing", 6);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  @Test
  void aStaleAttemptCannotCommitAfterItsRunWasReclaimed() throws Exception {
    CountDownLatch staleInA = new CountDownLatch(1);
    CountDownLatch releaseStale = new CountDownLatch(1);
    CountDownLatch freshInB = new CountDownLatch(1);
    CountDownLatch releaseFresh = new CountDownLatch(1);
    AtomicInteger aCalls = new AtomicInteger();
    AtomicInteger bCalls = new AtomicInteger();
    DurableFunction job =
        DurableFunction.named("job")
            .triggeredBy(JobStarted.class)
            .handler(
                ctx -> {
                  ctx.step()
                      .run(
                          "a",
                          String.class,
                          key -> {
                            if (aCalls.incrementAndGet() == 1) {
                              staleInA.countDown();
                              releaseStale.await();
                              return "stale";
                            }
                            return "fresh";
                          });
                  ctx.step()
                      .run(
                          "b",
                          key -> {
                            if (bCalls.incrementAndGet() == 1) {
                              freshInB.countDown();
                              releaseFresh.await();
                            }
                          });
                  return null;
                });
    // One instance (one worker id): its first claim's lease lapses while step a hangs, and the
    // same instance claims the run again.
    DurableEngine lapsing =
        engines.engine(
            PostgresEngines.settings("instance-1", 2, Duration.ofSeconds(1)), codec, List.of(job));
    DurableEngine reclaiming =
        engines.engine(
            PostgresEngines.settings("instance-1", 2, Duration.ofSeconds(30)), codec, List.of(job));
    RunRecord run = lapsing.submit(List.of(codec.envelope(new JobStarted("j-1"), null))).get(0);
    assertThat(lapsing.pollOnce()).isEqualTo(1);
    staleInA.await();
    await().atMost(Duration.ofSeconds(10)).until(() -> reclaiming.pollOnce() == 1);
    freshInB.await();

    releaseStale.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> lapsing.inFlight() == 0);
    releaseFresh.countDown();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engines.status(run.id()) == RunStatus.COMPLETED);

    assertThat(bCalls).as("the stale attempt stopped at its refused checkpoint").hasValue(1);
    assertThat(engines.store().steps(run.id()))
        .filteredOn(step -> step.key().equals("a"))
        .extracting(StepRecord::memo)
        .containsExactly("{\"v\":1,\"data\":\"fresh\"}");
  }
}
