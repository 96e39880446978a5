package com.ticketbounty.eventruntime.function;

import com.ticketbounty.eventruntime.EventEnvelope;

/** What a function body sees of its run. */
public interface FunctionContext {

  /**
   * The event that started the run. A cron run's event is named {@code runtime/cron.tick}, with the
   * tick as {@code data.tick} (ISO-8601); an invoked run's event carries the invoker's data.
   */
  EventEnvelope event();

  /**
   * The event's data read as a contract record, its {@code @Sensitive} fields opened; an event that
   * does not fit fails the run, and so does a sensitive field that arrived in clear or whose sealed
   * value was not sealed for this event and field. It is read once per attempt: every call of the
   * attempt answers the same record.
   */
  <T> T data(Class<T> contract);

  /**
   * Reads another event this run received — one a {@code waitForEvent} step returned — as a
   * contract record, its {@code @Sensitive} fields opened for that event (a step's result holds
   * such an event as it travelled, its sensitive fields sealed), with the rules of {@link
   * #data(Class)}.
   */
  <T> T read(EventEnvelope event, Class<T> contract);

  /** The run's id: stable across attempts, replays and instances. */
  String runId();

  /** The id of the function being run. */
  String functionId();

  /** The steps this run can take. */
  Step step();
}
