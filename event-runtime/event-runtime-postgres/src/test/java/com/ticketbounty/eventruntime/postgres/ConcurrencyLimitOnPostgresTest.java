package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, point 9, on PostgreSQL: concurrency limit 5 keyed by user, shared by two engines (two
 * service instances: own worker ids, pools and loops, one database). The first five of user A's
 * steps hold their slots until every one of user B's runs has completed, so B must run meanwhile
 * and any sixth A in a step would be counted. Each instance has only three workers, so A reaches
 * five only with both instances' runs, and the sixth worker is left for B.
 */
class ConcurrencyLimitOnPostgresTest {
  private static final int LIMIT = 5;
  private static final int EVENTS_OF_A = 20;
  private static final int EVENTS_OF_B = 10;

  @EventType(name = "test/ticket.assigned", version = "1.0")
  record TicketAssigned(String userId, int ticket) {}

  private PostgresEngines engines;
  private final Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> most = new ConcurrentHashMap<>();
  private final CountDownLatch fiveOfAInside = new CountDownLatch(LIMIT);
  private final CountDownLatch allOfBDone = new CountDownLatch(EVENTS_OF_B);
  private final AtomicBoolean bRanWhileAHeldItsSlots = new AtomicBoolean(true);
  private final Set<String> instancesRunningA = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("concurrency", 20);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  @Test
  void fiveStepsPerUserAtMostAcrossTwoInstancesWhileAnotherUserRuns() {
    DurableEngine first = engines.start("instance-a", 3, notifyFunction());
    engines.start("instance-b", 3, notifyFunction());
    EventCodec codec = new EventCodec(Clock.systemUTC());
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < EVENTS_OF_A; i++) {
      events.add(codec.envelope(new TicketAssigned("user-a", i), null));
    }
    for (int i = 0; i < EVENTS_OF_B; i++) {
      events.add(codec.envelope(new TicketAssigned("user-b", i), null));
    }
    first.submit(events);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                engines.count("SELECT count(*) FROM event_runtime.runs WHERE status = 'completed'")
                    == EVENTS_OF_A + EVENTS_OF_B);
    assertThat(most.get("user-a")).as("user A's steps at once, both instances").hasValue(LIMIT);
    assertThat(most.get("user-b").get()).isLessThanOrEqualTo(LIMIT);
    assertThat(bRanWhileAHeldItsSlots).as("user B's runs completed while A held 5").isTrue();
    assertThat(instancesRunningA).containsExactlyInAnyOrder("instance-a", "instance-b");
  }

  private DurableFunction notifyFunction() {
    return DurableFunction.named("notify")
        .triggeredBy(TicketAssigned.class)
        .concurrency(LIMIT, "event.data.userId")
        .handler(
            ctx -> {
              String user = ctx.data(TicketAssigned.class).userId();
              ctx.step().run("notify", key -> notifyUser(user, ctx.runId()));
              return null;
            });
  }

  private void notifyUser(String user, String runId) throws InterruptedException {
    int now = inside.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
    most.computeIfAbsent(user, u -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    try {
      if (user.equals("user-b")) {
        allOfBDone.countDown();
        return;
      }
      instancesRunningA.add(engines.store().run(UUID.fromString(runId)).orElseThrow().leaseOwner());
      fiveOfAInside.countDown();
      boolean held = fiveOfAInside.await(20, TimeUnit.SECONDS);
      if (!held || !allOfBDone.await(20, TimeUnit.SECONDS)) {
        bRanWhileAHeldItsSlots.set(false);
      }
    } finally {
      inside.get(user).decrementAndGet();
    }
  }
}
