package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.internal.engine.CelExpressions;
import com.ticketbounty.eventruntime.internal.engine.CronScheduler;
import com.ticketbounty.eventruntime.internal.engine.Engine;
import com.ticketbounty.eventruntime.internal.engine.EngineSettings;
import com.ticketbounty.eventruntime.internal.engine.StepOverrides;
import com.ticketbounty.eventruntime.spi.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cron on the store's clock: two instances (two engines, one store) start one run per tick; a tick
 * missed while both were stopped runs once at start-up, and by the same rule after the scheduler
 * missed several ticks while running (a pause or an outage); a new function never catches up a tick
 * from before its first deployment.
 */
class CronSchedulerTest {
  private static final Instant DEPLOYED = Instant.parse("2030-01-01T10:03:00Z");

  private final TestClock clock = new TestClock(DEPLOYED);
  private final InMemoryRunStore store = new InMemoryRunStore(clock);
  private final DurableFunction everyFiveMinutes =
      DurableFunction.named("every-five").onCron("*/5 * * * *").handler(ctx -> null);

  @Test
  void aNewFunctionDoesNotRunForATickFromBeforeItWasDeployed() {
    CronScheduler first = instance("a");

    first.startUp();

    assertThat(store.runs()).isEmpty();
  }

  @Test
  void twoInstancesStartOneRunPerTick() {
    CronScheduler a = instance("a");
    CronScheduler b = instance("b");
    a.startUp();
    b.startUp();

    clock.advance(Duration.ofMinutes(2)); // 10:05
    int started = a.pollOnce() + b.pollOnce();
    clock.advance(Duration.ofMinutes(5)); // 10:10
    started += b.pollOnce() + a.pollOnce();

    assertThat(started).isEqualTo(2);
    assertThat(ticks())
        .containsExactly(
            Instant.parse("2030-01-01T10:05:00Z"), Instant.parse("2030-01-01T10:10:00Z"));
  }

  @Test
  void aTickMissedWhileEveryInstanceWasStoppedRunsOnceAtStartUp() {
    instance("a").startUp();
    instance("b").startUp();
    // Both stop; 10:05 passes; both start again at 10:07, less than one period after it.
    clock.advance(Duration.ofMinutes(4));

    CronScheduler a = instance("a-restarted");
    CronScheduler b = instance("b-restarted");
    a.startUp();
    b.startUp();
    a.pollOnce();
    b.pollOnce();

    assertThat(ticks()).containsExactly(Instant.parse("2030-01-01T10:05:00Z"));
  }

  @Test
  void aTickMissedLongerThanOnePeriodAgoIsNotCaughtUp() {
    instance("a").startUp();
    clock.advance(Duration.ofMinutes(13)); // 10:16: 10:15 is younger than a period, 10:05 not

    instance("a-restarted").startUp();

    assertThat(ticks()).containsExactly(Instant.parse("2030-01-01T10:15:00Z"));
  }

  @Test
  void afterAPauseOnlyTheLatestMissedTickRuns() {
    CronScheduler a = instance("a");
    a.startUp();
    clock.advance(Duration.ofMinutes(2)); // 10:05
    a.pollOnce();
    clock.advance(Duration.ofMinutes(17)); // 10:22: 10:10, 10:15 and 10:20 were missed

    int started = a.pollOnce();

    assertThat(started).isEqualTo(1);
    assertThat(ticks())
        .containsExactly(
            Instant.parse("2030-01-01T10:05:00Z"), Instant.parse("2030-01-01T10:20:00Z"));
  }

  @Test
  void afterAPauseLongerThanTheLatestMissedTicksPeriodNoMissedTickRuns() {
    DurableFunction weekdayMornings =
        DurableFunction.named("weekday-mornings").onCron("0 9 * * 1-5").handler(ctx -> null);
    CronScheduler a = instance("a", weekdayMornings); // Tuesday 10:03
    a.startUp();
    // Saturday 10:03: Wednesday's to Friday's 09:00 were missed; Friday's is 25 hours old and came
    // 24 hours after Thursday's.
    clock.advance(Duration.ofDays(4));

    int started = a.pollOnce();
    clock.advance(Duration.ofHours(47)); // Monday 09:03: Monday's tick is simply due
    started += a.pollOnce();

    assertThat(started).isEqualTo(1);
    assertThat(ticks()).containsExactly(Instant.parse("2030-01-07T09:00:00Z"));
  }

  @Test
  void startsTheRunWithTheCronTickEvent() {
    CronScheduler a = instance("a");
    a.startUp();
    clock.advance(Duration.ofMinutes(2));

    a.pollOnce();

    RunRecord run = store.runs().get(0);
    assertThat(run.functionId()).isEqualTo("every-five");
    assertThat(run.event())
        .contains("\"name\":\"runtime/cron.tick\"")
        .contains("\"tick\":\"2030-01-01T10:05:00Z\"");
  }

  private CronScheduler instance(String worker) {
    return instance(worker, everyFiveMinutes);
  }

  private CronScheduler instance(String worker, DurableFunction function) {
    Engine engine =
        Engine.create(
            store,
            List.of(function),
            new CelExpressions(),
            EngineSettings.defaults("cron-test", worker),
            new Random(1),
            StepOverrides.NONE,
            Runnable::run,
            Runnable::run);
    return new CronScheduler(engine, store);
  }

  private List<Instant> ticks() {
    return store.runs().stream()
        .map(run -> Instant.parse(run.event().replaceAll(".*\"tick\":\"([^\"]+)\".*", "$1")))
        .sorted()
        .toList();
  }
}
