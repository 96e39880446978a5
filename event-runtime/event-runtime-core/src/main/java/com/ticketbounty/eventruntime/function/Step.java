package com.ticketbounty.eventruntime.function;

import com.ticketbounty.eventruntime.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The steps a function body can take. Step ids are stable strings chosen by the author; a repeated
 * id (a step in a loop) is keyed with its index ({@code notify}, {@code notify:1}, …). When the
 * code changes between attempts, finished steps are matched by key, new steps run, vanished ones
 * are ignored.
 */
public interface Step {

  /**
   * Runs {@code body} once; its result is recorded as JSON and returned from the record on every
   * later attempt. A failure is retried with the function's backoff (each step has its own
   * attempts), which ends the current attempt; once the retries are used up — or at once for a
   * {@link com.ticketbounty.eventruntime.NonRetriableException} — a {@link StepFailedException} is
   * raised in the body.
   *
   * @param type the result's type, to read it back from its JSON record
   */
  <T> @Nullable T run(String id, Class<T> type, StepBody<T> body);

  /** {@link #run(String, Class, StepBody)} for a step with no result. */
  void run(String id, StepAction action);

  /**
   * Writes the events to the service's outbox and records the step in one transaction, so they are
   * published exactly as often as the step is recorded: once. Their ids are derived from the run
   * and the step, so they are the same on every attempt and replay.
   *
   * @param events contract records annotated with {@code @EventType}
   * @return the ids of the events, in order
   */
  List<UUID> sendEvent(String id, Object... events);

  /** Ends the attempt and resumes the run after {@code duration}; no thread is held meanwhile. */
  void sleep(String id, Duration duration);

  /** Ends the attempt and resumes the run at {@code until} (at once if it has passed). */
  void sleepUntil(String id, Instant until);

  /**
   * Waits for an event named {@code eventName} for which the CEL expression {@code match} holds,
   * with the run's trigger as {@code event} and the candidate as {@code async} (for example {@code
   * async.data.ticketId == event.data.ticketId}). Matches any such event stored after the run's
   * trigger, also one that arrived before this step was reached. The function must declare {@code
   * eventName} among the events it waits for, so that its service receives and keeps them.
   *
   * @return the matching event, or empty when {@code timeout} passed first
   */
  Optional<EventEnvelope> waitForEvent(String id, String eventName, String match, Duration timeout);

  /**
   * Runs another function of this service with {@code data} as its event's data and returns its
   * result; the run waits (holding no thread) until it finishes. A failure of the invoked function
   * fails this step for good.
   */
  <T> @Nullable T invoke(String id, String functionId, Object data, Class<T> resultType);

  /**
   * Runs several {@code run} steps at once and returns their results in order. Each is recorded and
   * retried on its own; finished ones are not run again.
   */
  <T> List<@Nullable T> parallel(Class<T> type, List<ParallelStep<T>> steps);
}
