package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.Commit;
import com.ticketbounty.eventruntime.spi.Correlation;
import com.ticketbounty.eventruntime.spi.Lease;
import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.eventruntime.spi.ParentStep;
import com.ticketbounty.eventruntime.spi.Replay;
import com.ticketbounty.eventruntime.spi.Resolution;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spi.RunUpdate;
import com.ticketbounty.eventruntime.spi.StepRecord;
import com.ticketbounty.eventruntime.spi.StepStatus;
import com.ticketbounty.eventruntime.spi.StepWrite;
import com.ticketbounty.eventruntime.spi.StoredEvent;
import com.ticketbounty.eventruntime.spi.WaitRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunStore} must do, written once against the interface and run against each
 * store, so the in-memory store the kit tests the engine on and PostgreSQL provably behave alike.
 * Time is the store's own: {@link #elapse} moves the test clock, or waits for PostgreSQL's.
 */
abstract class RunStoreContract {
  static final Duration SHORT = Duration.ofMillis(300);
  static final Duration LONG = Duration.ofMinutes(5);
  static final String EVENT = "{\"name\":\"test/happened\",\"data\":{}}";

  /** Every function the contract's runs belong to: a claim names the functions it can execute. */
  static final Set<String> FUNCTIONS = Set.of("greet", "onboard", "parent", "child", "notify");

  static final String ERROR_MEMO = "{\"v\":1,\"error\":\"invoked run was cancelled\"}";

  RunStore store;

  /** A store with no runs, fresh for each test. */
  abstract RunStore emptyStore();

  /** Lets at least {@code duration} of the store's time pass. */
  abstract void elapse(Duration duration);

  /** The event ids of the outbox rows written so far. */
  abstract List<UUID> outboxEventIds();

  @BeforeEach
  void startEmpty() {
    store = emptyStore();
  }

  static NewRun newRun(String functionId, @Nullable String key) {
    return new NewRun(UUID.randomUUID(), functionId, UUID.randomUUID(), EVENT, key, null);
  }

  RunRecord created(String functionId) {
    return store.createRuns(List.of(newRun(functionId, null))).get(0);
  }

  List<RunRecord> claim(String owner, Duration leaseFor, int max) {
    return store.claim(new Claim(owner, leaseFor, max, FUNCTIONS, Map.of()));
  }

  RunRecord claimOne(String owner, Duration leaseFor) {
    List<RunRecord> claimed = claim(owner, leaseFor, 1);
    assertThat(claimed).hasSize(1);
    return claimed.get(0);
  }

  static Commit end(Lease lease, RunUpdate update, StepWrite... steps) {
    return new Commit(
        lease, List.of(steps), List.of(), List.of(), List.of(), List.of(), Optional.of(update));
  }

  static StepWrite completed(String key, String data) {
    return new StepWrite(key, StepStatus.COMPLETED, 1, "{\"v\":1,\"data\":\"" + data + "\"}", null);
  }

  static OutboxMessage message() {
    return new OutboxMessage(UUID.randomUUID(), "test/sent", "agg", EVENT, Map.of());
  }

  @Test
  void createsOneRunPerFunctionAndEventAndAnswersTheExistingOne() {
    NewRun first = newRun("greet", null);
    NewRun duplicate = new NewRun(UUID.randomUUID(), "greet", first.eventId(), EVENT, null, null);
    NewRun otherFunction =
        new NewRun(UUID.randomUUID(), "audit", first.eventId(), EVENT, null, null);

    List<RunRecord> created = store.createRuns(List.of(first, duplicate, otherFunction));
    List<RunRecord> again = store.createRuns(List.of(duplicate));

    assertThat(created)
        .extracting(RunRecord::id)
        .containsExactly(first.id(), first.id(), otherFunction.id());
    assertThat(again).extracting(RunRecord::id).containsExactly(first.id());
    assertThat(created.get(0).status()).isEqualTo(RunStatus.QUEUED);
    assertThat(created.get(0).event()).isEqualTo(EVENT);
    assertThat(store.run(duplicate.id())).isEmpty();
    assertThat(created.get(0)).as("as stored").isEqualTo(store.run(first.id()).orElseThrow());
    assertThat(again.get(0)).as("as stored").isEqualTo(store.run(first.id()).orElseThrow());
  }

  @Test
  void createsRunsLeasedToTheirOwnerAndAnswersOnlyThoseItCreated() {
    NewRun first = newRun("greet", null);
    RunRecord existing = created("onboard");
    NewRun again =
        new NewRun(UUID.randomUUID(), "onboard", existing.eventId(), EVENT, null, null, null);
    Instant before = store.now();

    List<RunRecord> leased = store.createLeasedRuns(List.of(first, again), "worker-a", LONG);
    List<RunRecord> redelivered = store.createLeasedRuns(List.of(first), "worker-b", LONG);

    assertThat(leased).extracting(RunRecord::id).containsExactly(first.id());
    assertThat(redelivered).as("an existing run is never answered").isEmpty();
    RunRecord run = leased.get(0);
    assertThat(run).as("as stored").isEqualTo(store.run(first.id()).orElseThrow());
    assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(run.lease()).isEqualTo(new Lease(first.id(), "worker-a", 1));
    assertThat(run.leaseExpiresAt()).isAfter(before.plus(LONG).minusSeconds(30));
    assertThat(run.startedAt()).isEqualTo(run.createdAt()).isBetween(before, store.now());
    assertThat(run.takeovers()).isZero();
    assertThat(store.run(existing.id())).contains(existing);
    assertThat(claim("worker-b", LONG, 10))
        .as("a leased run is not due, and the existing one is")
        .extracting(RunRecord::id)
        .containsExactly(existing.id());
    assertThat(
            store.commit(
                List.of(
                    end(
                        run.lease(),
                        RunUpdate.ending(RunStatus.COMPLETED, "{\"v\":1}", null),
                        completed("a", "done")))))
        .as("its first attempt commits under the lease it was created with")
        .containsExactly(first.id());
  }

  @Test
  void aRunCreatedLeasedIsTakenOverOnceItsLeaseExpires() {
    NewRun first = newRun("greet", null);
    RunRecord leased = store.createLeasedRuns(List.of(first), "worker-a", SHORT).get(0);
    elapse(SHORT);

    RunRecord taken = claimOne("worker-b", LONG);

    assertThat(taken.id()).isEqualTo(leased.id());
    assertThat(taken.attempt()).isEqualTo(2);
    assertThat(taken.takeovers()).isEqualTo(1);
    assertThat(store.commit(List.of(end(leased.lease(), sleeping(store.now())))))
        .as("the first attempt is fenced off")
        .isEmpty();
  }

  @Test
  void leasesADueRunOnceUntilItsLeaseExpires() {
    RunRecord run = created("greet");

    RunRecord leased = claimOne("worker-a", LONG);
    List<RunRecord> second = claim("worker-b", LONG, 10);

    assertThat(leased.id()).isEqualTo(run.id());
    assertThat(leased.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(leased.leaseOwner()).isEqualTo("worker-a");
    assertThat(leased.leaseExpiresAt()).isAfter(store.now().plus(LONG).minusSeconds(30));
    assertThat(leased.startedAt()).isNotNull();
    assertThat(second).isEmpty();
  }

  @Test
  void aClaimLeavesTheRunsOfFunctionsItDoesNotName() {
    RunRecord unknown = created("added-by-a-newer-version");
    RunRecord known = created("greet");

    List<RunRecord> claimed = claim("worker-a", LONG, 10);

    assertThat(claimed).extracting(RunRecord::id).containsExactly(known.id());
    assertThat(store.run(unknown.id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
  }

  @Test
  void claimsASleepingRunOnlyOnceItsDueTimeHasCome() {
    RunRecord run = created("greet");
    RunRecord leased = claimOne("worker-a", LONG);
    Instant wake = store.now().plus(SHORT);
    assertThat(store.commit(List.of(end(leased.lease(), sleeping(wake))))).contains(run.id());

    assertThat(claim("worker-a", LONG, 10)).isEmpty();
    assertThat(store.run(run.id()).orElseThrow().status()).isEqualTo(RunStatus.SLEEPING);
    assertThat(store.run(run.id()).orElseThrow().leaseOwner()).isNull();
    elapse(SHORT);

    assertThat(claim("worker-b", LONG, 10)).extracting(RunRecord::id).containsExactly(run.id());
  }

  @Test
  void aRunEndingNowIsDueAndEndedAtTheStoresTimeOfTheCommit() {
    RunRecord run = created("greet");
    RunRecord leased = claimOne("worker-a", LONG);
    Instant before = store.now();

    Set<UUID> applied =
        store.commit(
            List.of(end(leased.lease(), RunUpdate.ending(RunStatus.COMPLETED, "{\"v\":1}", null))));

    RunRecord ended = store.run(run.id()).orElseThrow();
    assertThat(applied).containsExactly(run.id());
    assertThat(ended.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(ended.dueAt()).isEqualTo(ended.endedAt()).isBetween(before, store.now());
  }

  static RunUpdate sleeping(Instant wake) {
    return new RunUpdate(RunStatus.SLEEPING, wake, null, null);
  }

  @Test
  void anExpiredLeaseIsTakenOverAndTheFormerOwnerIsFencedOff() {
    RunRecord run = created("greet");
    RunRecord first = claimOne("worker-a", SHORT);
    elapse(SHORT);

    RunRecord takeover = claimOne("worker-b", LONG);
    Set<UUID> stale =
        store.commit(
            List.of(Commit.steps(first.lease(), List.of(completed("s", "a")), List.of(message()))));
    Set<UUID> current =
        store.commit(
            List.of(Commit.steps(takeover.lease(), List.of(completed("s", "b")), List.of())));

    assertThat(takeover.leaseOwner()).isEqualTo("worker-b");
    assertThat(first.takeovers()).isZero();
    assertThat(takeover.takeovers()).as("claimed after its lease expired mid-attempt").isEqualTo(1);
    assertThat(stale).as("the dead worker's commit is fenced").isEmpty();
    assertThat(current).containsExactly(run.id());
    assertThat(store.steps(run.id()))
        .extracting(StepRecord::memo)
        .containsExactly("{\"v\":1,\"data\":\"b\"}");
    assertThat(outboxEventIds()).as("a fenced commit writes no outbox row").isEmpty();
  }

  @Test
  void aNewClaimByTheSameOwnerFencesOffTheEarlierAttempt() {
    RunRecord run = created("greet");
    RunRecord first = claimOne("worker-a", SHORT);
    elapse(SHORT);

    RunRecord second = claimOne("worker-a", LONG);
    Set<UUID> stale =
        store.commit(
            List.of(Commit.steps(first.lease(), List.of(completed("s", "a")), List.of(message()))));
    Set<UUID> current =
        store.commit(
            List.of(Commit.steps(second.lease(), List.of(completed("s", "b")), List.of())));

    assertThat(second.lease()).isNotEqualTo(first.lease());
    assertThat(stale).as("the earlier attempt of the same owner is fenced").isEmpty();
    assertThat(current).containsExactly(run.id());
    assertThat(store.steps(run.id()))
        .extracting(StepRecord::memo)
        .containsExactly("{\"v\":1,\"data\":\"b\"}");
    assertThat(outboxEventIds()).isEmpty();
  }

  @Test
  void anEventAlreadyInTheOutboxIsNotWrittenAgain() {
    RunRecord run = created("greet");
    RunRecord leased = claimOne("worker-a", LONG);
    OutboxMessage sent = message();
    store.commit(
        List.of(Commit.steps(leased.lease(), List.of(completed("a", "1")), List.of(sent))));

    Set<UUID> again =
        store.commit(
            List.of(Commit.steps(leased.lease(), List.of(completed("b", "2")), List.of(sent))));

    assertThat(again).as("the rest of the commit applies").containsExactly(run.id());
    assertThat(outboxEventIds()).containsExactly(sent.eventId());
    assertThat(store.steps(run.id())).extracting(StepRecord::key).containsExactly("a", "b");
  }

  @Test
  void aRenewedLeaseOutlivesItsFirstExpiryButOnlyForItsAttempt() {
    RunRecord run = created("greet");
    Lease lease = claimOne("worker-a", SHORT).lease();
    store.renew(List.of(new Lease(run.id(), "worker-b", lease.attempt())), LONG);
    store.renew(List.of(new Lease(run.id(), "worker-a", lease.attempt() + 1)), LONG);
    store.renew(List.of(lease), LONG);
    elapse(SHORT);

    assertThat(claim("worker-b", LONG, 10)).isEmpty();
    assertThat(store.run(run.id()).orElseThrow().leaseOwner()).isEqualTo("worker-a");
  }

  @Test
  void aCancelledRunFencesOffItsWorker() {
    RunRecord run = created("greet");
    RunRecord leased = claimOne("worker-a", LONG);

    boolean cancelled = store.cancel(run.id(), ERROR_MEMO);
    Set<UUID> applied =
        store.commit(
            List.of(
                end(
                    leased.lease(),
                    new RunUpdate(
                        RunStatus.COMPLETED, store.now(), "{\"v\":1,\"data\":1}", null))));

    RunRecord after = store.run(run.id()).orElseThrow();
    assertThat(cancelled).isTrue();
    assertThat(applied).isEmpty();
    assertThat(after.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(after.leaseOwner()).isNull();
    assertThat(after.endedAt()).isNotNull();
    assertThat(store.cancel(run.id(), ERROR_MEMO))
        .as("a finished run is not cancelled again")
        .isFalse();
    assertThat(claim("worker-b", LONG, 10)).isEmpty();
  }

  @Test
  void aCommitWritesItsStepsOutboxRowsNewRunsAndEndTogether() {
    RunRecord run = created("greet");
    RunRecord leased = claimOne("worker-a", LONG);
    OutboxMessage sent = message();
    NewRun child = newRun("onboard", null);
    Commit commit =
        new Commit(
            leased.lease(),
            List.of(completed("first", "one"), completed("second", "two")),
            List.of(sent),
            List.of(child),
            List.of(),
            List.of(),
            Optional.of(
                new RunUpdate(
                    RunStatus.COMPLETED, store.now(), "{\"v\":1,\"data\":\"done\"}", null)));

    Set<UUID> applied = store.commit(List.of(commit));

    RunRecord after = store.run(run.id()).orElseThrow();
    assertThat(applied).containsExactly(run.id());
    assertThat(store.steps(run.id()))
        .extracting(StepRecord::key)
        .containsExactly("first", "second");
    assertThat(store.steps(run.id()).get(0).memo()).isEqualTo("{\"v\":1,\"data\":\"one\"}");
    assertThat(outboxEventIds()).containsExactly(sent.eventId());
    assertThat(store.run(child.id())).map(RunRecord::status).contains(RunStatus.QUEUED);
    assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(after.output()).isEqualTo("{\"v\":1,\"data\":\"done\"}");
    assertThat(after.leaseOwner()).isNull();
    assertThat(after.endedAt()).isNotNull();
  }

  @Test
  void aStepWrittenAgainKeepsItsFirstRecordingAndMovesToTheEnd() {
    RunRecord run = created("greet");
    RunRecord leased = claimOne("worker-a", LONG);
    StepWrite retrying =
        new StepWrite(
            "charge", StepStatus.RETRYING, 1, "{\"v\":1,\"error\":\"down\"}", store.now());
    store.commit(
        List.of(
            Commit.steps(leased.lease(), List.of(retrying, completed("other", "x")), List.of())));
    store.commit(
        List.of(Commit.steps(leased.lease(), List.of(completed("charge", "ok")), List.of())));

    List<StepRecord> steps = store.steps(run.id());

    assertThat(steps).extracting(StepRecord::key).containsExactly("other", "charge");
    assertThat(steps.get(1).status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(steps.get(1).sequence()).isGreaterThan(steps.get(0).sequence());
    assertThat(steps.get(1).firstRecordedAt()).isBeforeOrEqualTo(steps.get(1).recordedAt());
  }

  @Test
  void aWaitIsResolvedOnceAndRequeuesItsRun() {
    RunRecord run = created("greet");
    RunRecord leased = claimOne("worker-a", LONG);
    ParentStep step = new ParentStep(run.id(), "approval");
    Instant timeout = store.now().plus(LONG);
    store.commit(
        List.of(
            new Commit(
                leased.lease(),
                List.of(new StepWrite("approval", StepStatus.WAITING, 1, null, timeout)),
                List.of(),
                List.of(),
                List.of(new WaitRecord(step, "test/approved", "true", timeout)),
                List.of(),
                Optional.of(new RunUpdate(RunStatus.WAITING, timeout, null, null)))));
    assertThat(store.waits("test/approved", Set.of()))
        .extracting(open -> open.registered().step())
        .containsExactly(step);
    assertThat(claim("worker-a", LONG, 10)).as("a wait before its timeout is not due").isEmpty();

    Resolution match = new Resolution(step, completed("approval", "yes"));
    Set<ParentStep> resolved = store.resolve(List.of(match));
    Set<ParentStep> again = store.resolve(List.of(match));

    assertThat(resolved).containsExactly(step);
    assertThat(again).isEmpty();
    assertThat(store.run(run.id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    assertThat(store.steps(run.id()).get(0).status()).isEqualTo(StepStatus.COMPLETED);
    assertThat(store.waits("test/approved", Set.of())).isEmpty();
    assertThat(claim("worker-b", LONG, 10)).extracting(RunRecord::id).containsExactly(run.id());
  }

  /** Leases the run and registers a wait of its step "comment", with its correlation if any. */
  private ParentStep waitingOn(RunRecord run, String eventName, @Nullable Correlation correlation) {
    RunRecord leased =
        claim("worker-a", LONG, 100).stream()
            .filter(claimed -> claimed.id().equals(run.id()))
            .findFirst()
            .orElseThrow();
    ParentStep step = new ParentStep(run.id(), "comment");
    Instant timeout = store.now().plus(LONG);
    store.commit(
        List.of(
            new Commit(
                leased.lease(),
                List.of(new StepWrite("comment", StepStatus.WAITING, 1, null, timeout)),
                List.of(),
                List.of(),
                List.of(new WaitRecord(step, eventName, "true", timeout, correlation)),
                List.of(),
                Optional.of(new RunUpdate(RunStatus.WAITING, timeout, null, null)))));
    return step;
  }

  private static Correlation ticket(String id) {
    return new Correlation("data.ticketId", "\"" + id + "\"");
  }

  @Test
  void anEventFindsTheWaitsWithOneOfItsCorrelationsAndThoseWithNone() {
    List<ParentStep> tickets = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      tickets.add(waitingOn(created("greet"), "test/commented", ticket("t-" + i)));
    }
    ParentStep anyComment = waitingOn(created("greet"), "test/commented", null);
    ParentStep byAuthor =
        waitingOn(created("greet"), "test/commented", new Correlation("data.author", "\"ann\""));
    waitingOn(created("greet"), "test/closed", ticket("t-7"));

    assertThat(
            store.waits(
                "test/commented",
                Set.of(
                    ticket("t-7"),
                    new Correlation("data.author", "\"bob\""),
                    new Correlation("data.unused", "5"))))
        .as("the wait of t-7 and the wait for any comment, of this event name only")
        .extracting(open -> open.registered().step())
        .containsExactlyInAnyOrder(tickets.get(7), anyComment);
    assertThat(
            store.waits(
                "test/commented", Set.of(ticket("t-3"), new Correlation("data.author", "\"ann\""))))
        .extracting(open -> open.registered().step())
        .containsExactlyInAnyOrder(tickets.get(3), anyComment, byAuthor);
    assertThat(store.waits("test/commented", Set.of(ticket("t-3"))))
        .as("a wait keeps its correlation")
        .filteredOn(open -> open.registered().step().equals(tickets.get(3)))
        .extracting(open -> open.registered().correlation())
        .containsExactly(ticket("t-3"));
  }

  @Test
  void aCorrelatedWaitIsNotFoundByAnotherValueOrTypeOfItsField() {
    ParentStep text = waitingOn(created("greet"), "test/commented", ticket("5"));
    ParentStep number =
        waitingOn(created("greet"), "test/commented", new Correlation("data.ticketId", "5"));

    assertThat(store.waits("test/commented", Set.of(new Correlation("data.ticketId", "5"))))
        .extracting(open -> open.registered().step())
        .containsExactly(number);
    assertThat(store.waits("test/commented", Set.of(ticket("5"))))
        .extracting(open -> open.registered().step())
        .containsExactly(text);
    assertThat(store.waits("test/commented", Set.of()))
        .as("an event without the field finds neither")
        .isEmpty();
  }

  @Test
  void keepsStoredEventsByNameFromAGivenTime() {
    Instant now = store.now();
    StoredEvent early = new StoredEvent(UUID.randomUUID(), "test/approved", EVENT, now);
    StoredEvent other = new StoredEvent(UUID.randomUUID(), "test/other", EVENT, now);
    store.storeEvents(List.of(early, other));

    assertThat(store.events("test/approved", now.minusSeconds(1)))
        .extracting(StoredEvent::id)
        .containsExactly(early.id());
    assertThat(store.events("test/approved", now.plusSeconds(1))).isEmpty();
  }

  @Test
  void replayDropsTheStepAndLaterOnesAndRequeuesAFinishedRun() {
    RunRecord run = created("greet");
    RunRecord leased = claimOne("worker-a", LONG);
    store.commit(List.of(Commit.steps(leased.lease(), List.of(completed("a", "1")), List.of())));
    store.commit(List.of(Commit.steps(leased.lease(), List.of(completed("b", "2")), List.of())));
    store.commit(
        List.of(
            end(
                leased.lease(),
                new RunUpdate(RunStatus.FAILED, store.now(), null, "boom"),
                new StepWrite("c", StepStatus.FAILED, 5, "{\"v\":1,\"error\":\"boom\"}", null))));

    boolean replayed = store.replay(List.of(new Replay(run.id(), "b", null)));

    RunRecord after = store.run(run.id()).orElseThrow();
    assertThat(replayed).isTrue();
    assertThat(store.steps(run.id())).extracting(StepRecord::key).containsExactly("a");
    assertThat(after.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(after.error()).isNull();
    assertThat(after.endedAt()).isNull();
    assertThat(store.replay(List.of(new Replay(run.id(), "a", null))))
        .as("an unfinished run is not replayed")
        .isFalse();
    assertThat(store.replay(List.of(new Replay(UUID.randomUUID(), "a", null)))).isFalse();
  }

  /** A parent waiting on its invoke step "call", and the child run that step started. */
  private RunRecord[] parentWaitingOnChild() {
    RunRecord parent = created("parent");
    RunRecord leased = claimOne("worker-a", LONG);
    NewRun child =
        new NewRun(
            UUID.randomUUID(),
            "child",
            UUID.randomUUID(),
            EVENT,
            null,
            new ParentStep(parent.id(), "call"));
    Instant never = Instant.parse("9999-12-31T00:00:00Z");
    store.commit(
        List.of(
            new Commit(
                leased.lease(),
                List.of(new StepWrite("call", StepStatus.WAITING, 1, null, null)),
                List.of(),
                List.of(child),
                List.of(),
                List.of(),
                Optional.of(new RunUpdate(RunStatus.WAITING, never, null, null)))));
    return new RunRecord[] {parent, store.run(child.id()).orElseThrow()};
  }

  @Test
  void cancellingAnInvokedRunFailsTheStepWaitingForItAndCancellingAParentCancelsItsChild() {
    RunRecord[] first = parentWaitingOnChild();
    assertThat(store.invokedBy(new ParentStep(first[0].id(), "call")))
        .extracting(RunRecord::id)
        .containsExactly(first[1].id());

    assertThat(store.cancel(first[1].id(), ERROR_MEMO)).isTrue();

    assertThat(store.run(first[1].id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(store.run(first[0].id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    assertThat(store.steps(first[0].id()))
        .extracting(StepRecord::status, StepRecord::memo)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(StepStatus.FAILED, ERROR_MEMO));

    RunRecord[] second = parentWaitingOnChild();
    assertThat(store.cancel(second[0].id(), ERROR_MEMO)).isTrue();
    assertThat(store.run(second[1].id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
  }

  @Test
  void aReplayOfSeveralRunsAppliesToAllOrNone() {
    RunRecord[] pair = parentWaitingOnChild();
    RunRecord child = claimOne("worker-b", LONG);
    store.commit(
        List.of(end(child.lease(), new RunUpdate(RunStatus.FAILED, store.now(), null, "boom"))));
    Instant never = Instant.parse("9999-12-31T00:00:00Z");

    assertThat(
            store.replay(
                List.of(
                    new Replay(pair[0].id(), "call", never),
                    new Replay(pair[1].id(), "$body", null))))
        .as("the parent is not finished")
        .isFalse();
    assertThat(store.run(pair[1].id()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);

    store.cancel(pair[0].id(), ERROR_MEMO);
    assertThat(
            store.replay(
                List.of(
                    new Replay(pair[0].id(), "call", never),
                    new Replay(pair[1].id(), "$body", null))))
        .isTrue();
    assertThat(store.run(pair[0].id()).orElseThrow())
        .extracting(RunRecord::status, RunRecord::dueAt, RunRecord::error)
        .containsExactly(RunStatus.WAITING, never, null);
    assertThat(store.steps(pair[0].id()))
        .extracting(StepRecord::key, StepRecord::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("call", StepStatus.WAITING));
    assertThat(store.run(pair[1].id()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
  }

  @Test
  void startsACronTickOnceTogetherWithItsRun() {
    Instant tick = Instant.parse("2030-01-01T09:00:00Z");
    NewRun first = newRun("digest", null);
    NewRun second = newRun("digest", null);

    Optional<RunRecord> started = store.startCronTick(tick, first);
    Optional<RunRecord> again = store.startCronTick(tick, second);

    assertThat(started).map(RunRecord::id).contains(first.id());
    assertThat(store.run(first.id())).map(RunRecord::status).contains(RunStatus.QUEUED);
    assertThat(again).as("the tick was started already").isEmpty();
    assertThat(store.run(second.id())).as("a tick started again creates no run").isEmpty();
    assertThat(store.startCronTick(tick.plusSeconds(3600), newRun("digest", null))).isPresent();
    assertThat(store.startCronTick(tick, newRun("other", null))).isPresent();
  }
}
