package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
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
    DurableEngine first = instance("a");

    first.pollCron();

    assertThat(store.runs()).isEmpty();
  }

  @Test
  void twoInstancesStartOneRunPerTick() {
    DurableEngine a = instance("a");
    DurableEngine b = instance("b");
    a.pollCron();
    b.pollCron();

    clock.advance(Duration.ofMinutes(2)); // 10:05
    int started = a.pollCron() + b.pollCron();
    clock.advance(Duration.ofMinutes(5)); // 10:10
    started += b.pollCron() + a.pollCron();

    assertThat(started).isEqualTo(2);
    assertThat(ticks())
        .containsExactly(
            Instant.parse("2030-01-01T10:05:00Z"), Instant.parse("2030-01-01T10:10:00Z"));
  }

  @Test
  void aTickMissedWhileEveryInstanceWasStoppedRunsOnceAtStartUp() {
    instance("a").pollCron();
    instance("b").pollCron();
    // Both stop; 10:05 passes; both start again at 10:07, less than one period after it.
    clock.advance(Duration.ofMinutes(4));

    DurableEngine a = instance("a-restarted");
    DurableEngine b = instance("b-restarted");
    a.pollCron();
    b.pollCron();
    a.pollCron();
    b.pollCron();

    assertThat(ticks()).containsExactly(Instant.parse("2030-01-01T10:05:00Z"));
  }

  @Test
  void aTickMissedLongerThanOnePeriodAgoIsNotCaughtUp() {
    instance("a").pollCron();
    clock.advance(Duration.ofMinutes(13)); // 10:16: 10:15 is younger than a period, 10:05 not

    instance("a-restarted").pollCron();

    assertThat(ticks()).containsExactly(Instant.parse("2030-01-01T10:15:00Z"));
  }

  @Test
  void afterAPauseOnlyTheLatestMissedTickRuns() {
    DurableEngine a = instance("a");
    a.pollCron();
    clock.advance(Duration.ofMinutes(2)); // 10:05
    a.pollCron();
    clock.advance(Duration.ofMinutes(17)); // 10:22: 10:10, 10:15 and 10:20 were missed

    int started = a.pollCron();

    assertThat(started).isEqualTo(1);
    assertThat(ticks())
        .containsExactly(
            Instant.parse("2030-01-01T10:05:00Z"), Instant.parse("2030-01-01T10:20:00Z"));
  }

  @Test
  void afterAPauseLongerThanTheLatestMissedTicksPeriodNoMissedTickRuns() {
    DurableFunction weekdayMornings =
        DurableFunction.named("weekday-mornings").onCron("0 9 * * 1-5").handler(ctx -> null);
    DurableEngine a = instance("a", weekdayMornings); // Tuesday 10:03
    a.pollCron();
    // Saturday 10:03: Wednesday's to Friday's 09:00 were missed; Friday's is 25 hours old and came
    // 24 hours after Thursday's.
    clock.advance(Duration.ofDays(4));

    int started = a.pollCron();
    clock.advance(Duration.ofHours(47)); // Monday 09:03: Monday's tick is simply due
    started += a.pollCron();

    assertThat(started).isEqualTo(1);
    assertThat(ticks()).containsExactly(Instant.parse("2030-01-07T09:00:00Z"));
  }

  @Test
  void startsTheRunWithTheCronTickEvent() {
    DurableEngine a = instance("a");
    a.pollCron();
    clock.advance(Duration.ofMinutes(2));

    a.pollCron();

    RunRecord run = store.runs().get(0);
    assertThat(run.functionId()).isEqualTo("every-five");
    assertThat(run.event())
        .contains("\"name\":\"runtime/cron.tick\"")
        .contains("\"tick\":\"2030-01-01T10:05:00Z\"");
  }

  private DurableEngine instance(String worker) {
    return instance(worker, everyFiveMinutes);
  }

  /** An instance whose cron ticks the test drives: its first look is its start-up. */
  private DurableEngine instance(String worker, DurableFunction function) {
    return DurableEngine.builder(store, EngineSettings.defaults("cron-test", worker))
        .functions(List.of(function))
        .random(new Random(1))
        .executors(Runnable::run, Runnable::run)
        .build();
  }

  private List<Instant> ticks() {
    return store.runs().stream()
        .map(run -> Instant.parse(run.event().replaceAll(".*\"tick\":\"([^\"]+)\".*", "$1")))
        .sorted()
        .toList();
  }
}
