package com.ticketbounty.admindigest.adapter.in.events;

import static com.ticketbounty.admindigest.adapter.in.events.PrepareAdminDigestFunction.COUNT_COMMENTS;
import static com.ticketbounty.admindigest.adapter.in.events.PrepareAdminDigestFunction.COUNT_TICKETS;
import static com.ticketbounty.admindigest.adapter.in.events.PrepareAdminDigestFunction.COUNT_USERS;
import static com.ticketbounty.admindigest.adapter.in.events.PrepareAdminDigestFunction.ID;
import static com.ticketbounty.admindigest.adapter.in.events.PrepareAdminDigestFunction.SEND_DIGEST_READY;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.admindigest.application.CountForDigest;
import com.ticketbounty.admindigest.application.FakeFigures;
import com.ticketbounty.admindigest.application.FiguresRefusedException;
import com.ticketbounty.admindigest.application.FiguresUnavailableException;
import com.ticketbounty.admindigest.domain.Count;
import com.ticketbounty.admindigest.domain.Counted;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.test.EventRuntimeExtension;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.digest.AdminDigestReady;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code prepare-admin-digest} on the event-runtime test kit: the real engine on an in-memory store
 * and a test clock, driven through real cron ticks. The owners of the figures are a fake.
 */
@ExtendWith(EventRuntimeExtension.class)
class PrepareAdminDigestFunctionTest {
  /** The test kit's clock starts at 2030-01-01T00:00Z; the function is deployed an hour later. */
  private static final Instant DEPLOYED = TestRuntime.EPOCH.plus(Duration.ofHours(1));

  private static final Instant MIDNIGHT = Instant.parse("2030-01-02T00:00:00Z");
  private static final Instant WEEK_BEFORE = Instant.parse("2029-12-26T00:00:00Z");
  private static final RetryPolicy RETRIES =
      new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(10));

  private final FakeFigures figures =
      new FakeFigures()
          .answering(Counted.TICKETS, new Count(120, 14))
          .answering(Counted.USERS, new Count(45, 6))
          .answering(Counted.COMMENTS, new Count(380, 51));

  @Test
  void runsEveryMidnightInUtc() {
    assertThat(function().triggers())
        .containsExactly(new Trigger.OnCron("0 0 * * *", ZoneOffset.UTC));
  }

  @Test
  void startsNoRunBeforeMidnightAndOneAtMidnight(TestRuntime runtime) {
    deploy(runtime);

    runtime.clock().advance(Duration.between(DEPLOYED, MIDNIGHT).minusMinutes(1));
    assertThat(runtime.engine().pollCron()).isZero();
    runtime.clock().advance(Duration.ofMinutes(1));
    assertThat(runtime.engine().pollCron()).isOne();
    runtime.runUntilIdle();

    assertThat(tickOf(runtime.onlyRun(ID))).isEqualTo(MIDNIGHT);
  }

  @Test
  void countsTheWeekBeforeTheTickAndAnnouncesTheFigures(TestRuntime runtime) {
    deploy(runtime);

    RunRecord run = tick(runtime);

    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(figures.asked())
        .extracting(FakeFigures.Asked::since)
        .containsOnly(WEEK_BEFORE)
        .hasSize(3);
    assertThat(figures.asked())
        .extracting(FakeFigures.Asked::what)
        .containsExactlyInAnyOrder(Counted.TICKETS, Counted.USERS, Counted.COMMENTS);
    assertThat(digests(runtime))
        .containsExactly(new AdminDigestReady(WEEK_BEFORE, MIDNIGHT, 120, 14, 45, 6, 380, 51));
    assertThat(statuses(runtime, run))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                COUNT_TICKETS, StepStatus.COMPLETED,
                COUNT_USERS, StepStatus.COMPLETED,
                COUNT_COMMENTS, StepStatus.COMPLETED,
                SEND_DIGEST_READY, StepStatus.COMPLETED));
  }

  @Test
  void recordsEachCountAsItsOwnerAnswered(TestRuntime runtime) {
    deploy(runtime);

    RunRecord run = tick(runtime);

    assertThat(step(runtime, run, COUNT_USERS).memo())
        .contains("\"total\":45")
        .contains("\"createdSince\":6");
  }

  @Test
  void retriesAFailingCountAndCompletesOnceItsOwnerAnswers(TestRuntime runtime) {
    figures.failingFirst(
        Counted.TICKETS,
        new FiguresUnavailableException("ticket-service answered 503", null, null),
        new FiguresUnavailableException("ticket-service answered 503", null, null));
    deploy(runtime);

    RunRecord waiting = tick(runtime);
    assertThat(waiting.status()).isEqualTo(RunStatus.SLEEPING);
    assertThat(step(runtime, waiting, COUNT_TICKETS).status()).isEqualTo(StepStatus.RETRYING);
    assertThat(digests(runtime)).isEmpty();

    runtime.advance(Duration.ofHours(1));

    RunRecord done = runtime.run(waiting.id());
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(step(runtime, done, COUNT_TICKETS).attempts()).isEqualTo(3);
    // The counts that had answered are recorded, not asked again.
    assertThat(figures.asked(Counted.USERS)).hasSize(1);
    assertThat(figures.asked(Counted.COMMENTS)).hasSize(1);
    assertThat(digests(runtime))
        .containsExactly(new AdminDigestReady(WEEK_BEFORE, MIDNIGHT, 120, 14, 45, 6, 380, 51));
  }

  @Test
  void waitsAsLongAsTheOwnerAskedBeforeCountingAgain(TestRuntime runtime) {
    figures.failingFirst(
        Counted.COMMENTS,
        new FiguresUnavailableException(
            "comment-service answered 429", Duration.ofSeconds(90), null));
    deploy(runtime);

    RunRecord waiting = tick(runtime);

    assertThat(step(runtime, waiting, COUNT_COMMENTS).wakeAt()).isEqualTo(MIDNIGHT.plusSeconds(90));
    runtime.advance(Duration.ofSeconds(89));
    assertThat(runtime.run(waiting.id()).status()).isEqualTo(RunStatus.SLEEPING);
    runtime.advance(Duration.ofSeconds(1));
    assertThat(runtime.run(waiting.id()).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(digests(runtime)).hasSize(1);
  }

  @Test
  void failsTheRunAtOnceWhenAnOwnerRefusesTheRequest(TestRuntime runtime) {
    figures.failingFirst(
        Counted.USERS,
        new FiguresRefusedException("identity-service refused the count with 403", null));
    deploy(runtime);

    RunRecord run = tick(runtime);

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).contains("403");
    StepRecord users = step(runtime, run, COUNT_USERS);
    assertThat(users.status()).isEqualTo(StepStatus.FAILED);
    assertThat(users.attempts()).isOne();
    assertThat(digests(runtime)).isEmpty();
  }

  @Test
  void announcesAMockedCountAsItWasRecorded(TestRuntime runtime) {
    runtime.mockStep(ID, COUNT_USERS, new Count(7, 7));
    deploy(runtime);

    tick(runtime);

    assertThat(figures.asked(Counted.USERS)).isEmpty();
    assertThat(digests(runtime))
        .singleElement()
        .satisfies(
            digest -> {
              assertThat(digest.usersTotal()).isEqualTo(7);
              assertThat(digest.usersLastSevenDays()).isEqualTo(7);
              assertThat(digest.ticketsTotal()).isEqualTo(120);
            });
  }

  @Test
  void aScheduleOfTheDeploymentsOwnReplacesMidnightAndStillCountsTheWeekBeforeItsTick(
      TestRuntime runtime) {
    runtime.register(
        new PrepareAdminDigestFunction(new CountForDigest(figures), "*/30 * * * *", RETRIES)
            .function());
    // Deployed between two ticks, so that its first look finds none to catch up.
    runtime.clock().advance(Duration.between(TestRuntime.EPOCH, DEPLOYED).plusMinutes(10));
    assertThat(runtime.engine().pollCron()).isZero();

    runtime.clock().advance(Duration.ofMinutes(19));
    assertThat(runtime.engine().pollCron()).isZero();
    runtime.clock().advance(Duration.ofMinutes(1));
    assertThat(runtime.engine().pollCron()).isOne();
    runtime.runUntilIdle();

    Instant halfPast = DEPLOYED.plus(Duration.ofMinutes(30));
    assertThat(tickOf(runtime.onlyRun(ID))).isEqualTo(halfPast);
    assertThat(figures.asked())
        .extracting(FakeFigures.Asked::since)
        .containsOnly(halfPast.minus(Duration.ofDays(7)));
  }

  private DurableFunction function() {
    return new PrepareAdminDigestFunction(
            new CountForDigest(figures), PrepareAdminDigestFunction.DEFAULT_SCHEDULE, RETRIES)
        .function();
  }

  /** Registers the function and lets the engine's first cron look record its deployment. */
  private void deploy(TestRuntime runtime) {
    runtime.register(function());
    runtime.clock().advance(Duration.between(TestRuntime.EPOCH, DEPLOYED));
    assertThat(runtime.engine().pollCron()).isZero();
  }

  /** Moves the clock to {@link #MIDNIGHT}, starts its tick's run and runs until idle. */
  private RunRecord tick(TestRuntime runtime) {
    runtime.clock().advance(Duration.between(runtime.clock().instant(), MIDNIGHT));
    assertThat(runtime.engine().pollCron()).isOne();
    runtime.runUntilIdle();
    return runtime.onlyRun(ID);
  }

  private static Instant tickOf(RunRecord run) {
    return Instant.parse(run.event().replaceAll(".*\"tick\":\"([^\"]+)\".*", "$1"));
  }

  private static List<AdminDigestReady> digests(TestRuntime runtime) {
    return runtime.sentEvents().stream()
        .filter(event -> event.name().equals(AdminDigestReady.NAME))
        .map(event -> read(runtime, event))
        .toList();
  }

  private static AdminDigestReady read(TestRuntime runtime, EventEnvelope event) {
    try {
      return runtime.codec().read(event, AdminDigestReady.class);
    } catch (Exception e) {
      throw new AssertionError("an unreadable " + AdminDigestReady.NAME, e);
    }
  }

  private static StepRecord step(TestRuntime runtime, RunRecord run, String key) {
    return runtime.steps(run.id()).stream()
        .filter(step -> step.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + key));
  }

  private static Map<String, StepStatus> statuses(TestRuntime runtime, RunRecord run) {
    return runtime.steps(run.id()).stream()
        .collect(Collectors.toMap(StepRecord::key, StepRecord::status));
  }
}
