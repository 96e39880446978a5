package com.ticketbounty.admindigest.adapter.in.events;

import com.ticketbounty.admindigest.application.CountForDigest;
import com.ticketbounty.admindigest.application.FiguresRefusedException;
import com.ticketbounty.admindigest.application.FiguresUnavailableException;
import com.ticketbounty.admindigest.domain.AdminDigest;
import com.ticketbounty.admindigest.domain.Count;
import com.ticketbounty.admindigest.domain.Counted;
import com.ticketbounty.admindigest.domain.DigestPeriod;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.RetryAfterException;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.eventruntime.function.ParallelStep;
import com.ticketbounty.events.digest.AdminDigestReady;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The {@code prepare-admin-digest} durable function (DESIGN.md §8): at every midnight UTC (its
 * schedule, {@link #DEFAULT_SCHEDULE} unless the deployment sets another) it counts tickets,
 * accounts and comments — three parallel steps, each recorded on its own — for the seven days
 * before the tick, then announces the figures as {@code app/admin-digest.ready}.
 *
 * <p>The period comes from the tick in the cron event, never from the clock, so every attempt and
 * replay of a run counts the same week. A count that fails is retried by the runtime with the
 * function's backoff, while the counts already recorded stay recorded: ticket-service down at
 * midnight delays the digest until it answers again and costs identity and comment-service nothing
 * more. A refused request fails the run at once (the retries could not help), and a {@code
 * Retry-After} replaces the backoff. The event is sent by a step, so it leaves once per run however
 * often the run is retried or replayed.
 */
public final class PrepareAdminDigestFunction {
  /** Names the function's runs; keep it stable. */
  public static final String ID = "prepare-admin-digest";

  /** Every day at midnight, in {@link #ZONE}. */
  public static final String DEFAULT_SCHEDULE = "0 0 * * *";

  public static final ZoneId ZONE = ZoneOffset.UTC;

  public static final String COUNT_TICKETS = "count-tickets";
  public static final String COUNT_USERS = "count-users";
  public static final String COUNT_COMMENTS = "count-comments";
  public static final String SEND_DIGEST_READY = "send-digest-ready";

  private final CountForDigest countForDigest;
  private final String schedule;
  private final RetryPolicy retryPolicy;

  /**
   * @param schedule the cron expression of its ticks, in {@link #ZONE}
   * @param retryPolicy how often and how long a failing count is tried again: long enough to ride
   *     out a service's restart or a short outage
   */
  public PrepareAdminDigestFunction(
      CountForDigest countForDigest, String schedule, RetryPolicy retryPolicy) {
    this.countForDigest = countForDigest;
    this.schedule = schedule;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .onCron(schedule, ZONE)
        .retryPolicy(retryPolicy)
        .handler(this::run);
  }

  private AdminDigestReady run(FunctionContext context) {
    DigestPeriod period = DigestPeriod.endingAt(tickOf(context.event()));
    List<Count> counts =
        context
            .step()
            .parallel(
                Count.class,
                List.of(
                    ParallelStep.of(COUNT_TICKETS, key -> count(Counted.TICKETS, period)),
                    ParallelStep.of(COUNT_USERS, key -> count(Counted.USERS, period)),
                    ParallelStep.of(COUNT_COMMENTS, key -> count(Counted.COMMENTS, period))))
            .stream()
            .map(count -> Objects.requireNonNull(count, "a count step recorded no count"))
            .toList();
    AdminDigestReady ready =
        announcement(new AdminDigest(period, counts.get(0), counts.get(1), counts.get(2)));
    context.step().sendEvent(SEND_DIGEST_READY, ready);
    // The run's output: what the operations API shows for the run.
    return ready;
  }

  private Count count(Counted what, DigestPeriod period) {
    try {
      return countForDigest.count(what, period);
    } catch (FiguresRefusedException e) {
      throw new NonRetriableException(e.getMessage(), e);
    } catch (FiguresUnavailableException e) {
      if (e.retryAfter().isPresent()) {
        throw new RetryAfterException(e.getMessage(), e.retryAfter().get(), e);
      }
      throw e; // retried with the function's backoff
    }
  }

  /** The cron tick the run was started for: {@code data.tick} of {@code runtime/cron.tick}. */
  static Instant tickOf(EventEnvelope event) {
    String tick = event.data().path("tick").asString("");
    try {
      return Instant.parse(tick);
    } catch (DateTimeParseException e) {
      throw new NonRetriableException(
          "%s runs on cron ticks; event %s (%s) has no tick but '%s'"
              .formatted(ID, event.id(), event.name(), tick),
          e);
    }
  }

  private static AdminDigestReady announcement(AdminDigest digest) {
    return new AdminDigestReady(
        digest.period().start(),
        digest.period().end(),
        digest.tickets().total(),
        digest.tickets().createdSince(),
        digest.users().total(),
        digest.users().createdSince(),
        digest.comments().total(),
        digest.comments().createdSince());
  }
}
