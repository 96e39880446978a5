package com.ticketbounty.eventruntime.test;

import com.ticketbounty.eventruntime.spi.NewRun;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunTrace;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Copies of immutable run records with some fields changed, for the in-memory store. */
final class Runs {
  private Runs() {}

  static RunRecord created(NewRun run, Instant now) {
    return new RunRecord(
        run.id(),
        run.functionId(),
        run.eventId(),
        run.event(),
        RunStatus.QUEUED,
        now,
        null,
        null,
        run.concurrencyKey(),
        run.parent(),
        null,
        run.failure(),
        now,
        null,
        null,
        0,
        0,
        Duration.ZERO,
        new RunTrace(run.traceParent(), null));
  }

  static RunRecord leased(RunRecord r, String owner, Instant expiresAt, Instant now) {
    return new RunRecord(
        r.id(),
        r.functionId(),
        r.eventId(),
        r.event(),
        RunStatus.RUNNING,
        r.dueAt(),
        owner,
        expiresAt,
        r.concurrencyKey(),
        r.parent(),
        r.output(),
        r.error(),
        r.createdAt(),
        r.startedAt() == null ? now : r.startedAt(),
        null,
        // Still running when claimed again: its lease expired mid-attempt.
        r.status() == RunStatus.RUNNING ? r.takeovers() + 1 : r.takeovers(),
        r.attempt() + 1,
        r.executed(),
        r.trace());
  }

  static RunRecord moved(
      RunRecord r,
      RunStatus status,
      Instant dueAt,
      @Nullable String output,
      @Nullable String error,
      Instant now) {
    return new RunRecord(
        r.id(),
        r.functionId(),
        r.eventId(),
        r.event(),
        status,
        dueAt,
        null,
        null,
        r.concurrencyKey(),
        r.parent(),
        output,
        error,
        r.createdAt(),
        r.startedAt(),
        status.finished() ? now : null,
        r.takeovers(),
        r.attempt(),
        r.executed(),
        r.trace());
  }

  /**
   * Queued again from a finished state, its takeovers and execution time forgiven (an operator
   * fixed the cause).
   */
  static RunRecord replayed(RunRecord r, Instant now) {
    RunRecord queued = moved(r, RunStatus.QUEUED, now, null, null, now);
    return new RunRecord(
        queued.id(),
        queued.functionId(),
        queued.eventId(),
        queued.event(),
        queued.status(),
        queued.dueAt(),
        queued.leaseOwner(),
        queued.leaseExpiresAt(),
        queued.concurrencyKey(),
        queued.parent(),
        queued.output(),
        queued.error(),
        queued.createdAt(),
        queued.startedAt(),
        queued.endedAt(),
        0,
        queued.attempt(),
        Duration.ZERO,
        queued.trace());
  }

  /** The run after an attempt that executed for {@code executed} ended. */
  static RunRecord executed(RunRecord r, Duration executed) {
    return new RunRecord(
        r.id(),
        r.functionId(),
        r.eventId(),
        r.event(),
        r.status(),
        r.dueAt(),
        r.leaseOwner(),
        r.leaseExpiresAt(),
        r.concurrencyKey(),
        r.parent(),
        r.output(),
        r.error(),
        r.createdAt(),
        r.startedAt(),
        r.endedAt(),
        r.takeovers(),
        r.attempt(),
        r.executed().plus(executed),
        r.trace());
  }

  /** The run with the span of the attempt that just ended, for the next attempt's link. */
  static RunRecord attemptSpan(RunRecord r, @Nullable String span) {
    if (span == null) {
      return r;
    }
    return new RunRecord(
        r.id(),
        r.functionId(),
        r.eventId(),
        r.event(),
        r.status(),
        r.dueAt(),
        r.leaseOwner(),
        r.leaseExpiresAt(),
        r.concurrencyKey(),
        r.parent(),
        r.output(),
        r.error(),
        r.createdAt(),
        r.startedAt(),
        r.endedAt(),
        r.takeovers(),
        r.attempt(),
        r.executed(),
        new RunTrace(r.trace().run(), span));
  }

  static RunRecord renewed(RunRecord r, Instant expiresAt) {
    return new RunRecord(
        r.id(),
        r.functionId(),
        r.eventId(),
        r.event(),
        r.status(),
        r.dueAt(),
        r.leaseOwner(),
        expiresAt,
        r.concurrencyKey(),
        r.parent(),
        r.output(),
        r.error(),
        r.createdAt(),
        r.startedAt(),
        r.endedAt(),
        r.takeovers(),
        r.attempt(),
        r.executed(),
        r.trace());
  }
}
