package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, point 1: the same event delivered twice starts one run, whether the two submits come one
 * after the other or at once from two engines (two service instances) on the same database.
 */
class DuplicateEventOnPostgresTest {
  private static final int EVENTS = 50;

  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId) {}

  private PostgresEngines engines;
  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("duplicate", 8);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  private static DurableFunction confirm() {
    return DurableFunction.named("confirm")
        .triggeredBy(OrderPlaced.class)
        .handler(ctx -> ctx.step().run("confirm", String.class, key -> "confirmed"));
  }

  @Test
  void anEventSubmittedTwiceStartsOneRun() {
    DurableEngine engine = engines.start("worker-1", 2, confirm());
    EventEnvelope event = codec.envelope(new OrderPlaced("o-1"), null);

    RunRecord first = engine.submit(List.of(event)).get(0);
    RunRecord second = engine.submit(List.of(event)).get(0);

    assertThat(second.id()).as("the second submit answers the existing run").isEqualTo(first.id());
    assertThat(engines.count("SELECT count(*) FROM event_runtime.runs")).isEqualTo(1);
  }

  @Test
  void eventsSubmittedAtOnceByTwoEnginesStartOneRunEach() throws Exception {
    DurableEngine first = engines.start("instance-a", 2, confirm());
    DurableEngine second = engines.start("instance-b", 2, confirm());
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      events.add(codec.envelope(new OrderPlaced("o-" + i), null));
    }
    // Both instances receive every event, one at a time, released together so the inserts race.
    CyclicBarrier start = new CyclicBarrier(2);
    List<RunRecord> a;
    List<RunRecord> b;
    ExecutorService submitters = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<List<RunRecord>> fromFirst = submitEach(first, events, start, submitters);
      CompletableFuture<List<RunRecord>> fromSecond = submitEach(second, events, start, submitters);
      a = fromFirst.get();
      b = fromSecond.get();
    } finally {
      submitters.shutdownNow();
    }
    assertThat(engines.count("SELECT count(*) FROM event_runtime.runs")).isEqualTo(EVENTS);
    assertThat(
            engines.count(
                "SELECT count(DISTINCT event_id) FROM event_runtime.runs"
                    + " WHERE function_id = 'confirm'"))
        .isEqualTo(EVENTS);
    for (int i = 0; i < EVENTS; i++) {
      assertThat(b.get(i).id()).as("both instances name the same run").isEqualTo(a.get(i).id());
    }
  }

  private static CompletableFuture<List<RunRecord>> submitEach(
      DurableEngine engine, List<EventEnvelope> events, CyclicBarrier start, Executor submitter) {
    return CompletableFuture.supplyAsync(
        () -> {
          List<RunRecord> runs = new ArrayList<>();
          for (EventEnvelope event : events) {
            await(start);
            runs.add(engine.submit(List.of(event)).get(0));
          }
          return runs;
        },
        submitter);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
