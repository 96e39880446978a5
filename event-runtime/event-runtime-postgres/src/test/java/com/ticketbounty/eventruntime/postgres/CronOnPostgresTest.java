package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, point 13, on PostgreSQL: two instances' cron schedulers start one run per tick, and a
 * tick missed while both were stopped runs once when they start again. Issue 9, defect 10: a tick
 * whose run could not be created is not lost, and after an outage only the latest missed tick runs.
 * A cron tick comes at most once a minute, so the schedulers read PostgreSQL's clock moved forward
 * by the test: every other call, and both engines, use the real store.
 */
class CronOnPostgresTest {
  private static final String CRASH_BEFORE_THE_RUN =
      """
      CREATE FUNCTION event_runtime.crash_before_the_run() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'crashed before the run was created'; END $$;
      CREATE TRIGGER crash_before_the_run BEFORE INSERT ON event_runtime.runs
         FOR EACH ROW EXECUTE FUNCTION event_runtime.crash_before_the_run();
      """;
  private static final String STOP_CRASHING =
      "DROP TRIGGER crash_before_the_run ON event_runtime.runs;"
          + " DROP FUNCTION event_runtime.crash_before_the_run()";

  private PostgresEngines engines;
  private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

  /**
   * Moves the schedulers' clock to the middle of the current minute (by at most 30 seconds either
   * way, so the minute's own tick stays older than the function's deployment), so that moving it by
   * whole minutes never crosses a tick by the few seconds a test takes.
   */
  private Duration toMidMinute = Duration.ZERO;

  private volatile boolean databaseDown;

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("cron", 8);
    Instant now = engines.store().now();
    toMidMinute = Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(30));
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  @Test
  void twoInstancesStartOneRunPerTick() {
    DurableEngine first = scheduler("instance-a");
    DurableEngine second = scheduler("instance-b");
    first.pollCron();
    second.pollCron();

    int started = 0;
    for (int minute = 1; minute <= 3; minute++) {
      ahead.set(Duration.ofMinutes(minute));
      started += first.pollCron() + second.pollCron();
    }

    assertThat(started).isEqualTo(3);
    assertThat(ticks()).hasSize(3).doesNotHaveDuplicates();
    awaitCompleted(3);
  }

  @Test
  void aTickMissedWhileBothWereStoppedRunsOnceAtStartUp() {
    DurableEngine first = scheduler("instance-a");
    DurableEngine second = scheduler("instance-b");
    first.pollCron();
    second.pollCron();
    ahead.set(Duration.ofMinutes(1));
    first.pollCron();
    second.pollCron();
    assertThat(ticks()).hasSize(1);

    // Both stop; three ticks pass; two new instances start.
    ahead.set(Duration.ofMinutes(4));
    DurableEngine third = scheduler("instance-c");
    DurableEngine fourth = scheduler("instance-d");
    third.pollCron();
    fourth.pollCron();

    Instant latestMissed = shiftedNow().truncatedTo(ChronoUnit.MINUTES);
    assertThat(ticks()).hasSize(2).last().isEqualTo(latestMissed);
    assertThat(third.pollCron() + fourth.pollCron()).as("nothing more is due").isZero();
    awaitCompleted(2);
  }

  @Test
  void aCrashBetweenTheTickAndItsRunDoesNotLoseTheTick() {
    DurableEngine scheduler = scheduler("instance-a");
    scheduler.pollCron();
    ahead.set(Duration.ofMinutes(1));
    Instant tick = shiftedNow().truncatedTo(ChronoUnit.MINUTES);

    engines.execute(CRASH_BEFORE_THE_RUN);
    assertThatThrownBy(scheduler::pollCron).hasMessageContaining("crashed before the run");
    engines.execute(STOP_CRASHING);
    int started = scheduler.pollCron();

    assertThat(started).as("the tick is started once the run can be created").isEqualTo(1);
    assertThat(ticks()).containsExactly(tick);
    awaitCompleted(1);
  }

  @Test
  void afterAnOutageOnlyTheLatestMissedTickRuns() {
    DurableEngine scheduler = scheduler("instance-a");
    scheduler.pollCron();
    ahead.set(Duration.ofMinutes(1));
    assertThat(scheduler.pollCron()).isEqualTo(1);

    databaseDown = true;
    for (int minute = 2; minute <= 4; minute++) {
      ahead.set(Duration.ofMinutes(minute));
      assertThatThrownBy(scheduler::pollCron).hasMessageContaining("database down");
    }
    databaseDown = false;
    int started = scheduler.pollCron();

    Instant latestMissed = shiftedNow().truncatedTo(ChronoUnit.MINUTES);
    assertThat(started).as("one run for the three ticks missed during the outage").isEqualTo(1);
    assertThat(ticks()).hasSize(2).last().isEqualTo(latestMissed);
    awaitCompleted(2);
  }

  private static DurableFunction digest() {
    return DurableFunction.named("digest")
        .onCron("* * * * *")
        .handler(ctx -> ctx.step().run("send", String.class, key -> "sent"));
  }

  /** A running instance whose cron ticks the test drives, on the shifted store. */
  private DurableEngine scheduler(String instance) {
    return engines.start(instance, 2, shiftedStore(engines.store()), digest());
  }

  private Instant shiftedNow() {
    return engines.store().now().plus(toMidMinute).plus(ahead.get());
  }

  /**
   * The store whose {@code now()} is PostgreSQL's moved forward by {@link #ahead}, and whose every
   * call fails while {@link #databaseDown}.
   */
  private RunStore shiftedStore(RunStore store) {
    return (RunStore)
        Proxy.newProxyInstance(
            RunStore.class.getClassLoader(),
            new Class<?>[] {RunStore.class},
            (proxy, method, args) -> {
              if (databaseDown) {
                throw new IllegalStateException("run store: database down");
              }
              if (method.getName().equals("now")) {
                return shiftedNow();
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private List<Instant> ticks() {
    return engines
        .column(
            "SELECT event->'data'->>'tick' FROM event_runtime.runs WHERE function_id = 'digest'"
                + " ORDER BY event->'data'->>'tick'")
        .stream()
        .map(Instant::parse)
        .toList();
  }

  private void awaitCompleted(int runs) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                engines.count("SELECT count(*) FROM event_runtime.runs WHERE status = 'completed'")
                    == runs);
  }
}
