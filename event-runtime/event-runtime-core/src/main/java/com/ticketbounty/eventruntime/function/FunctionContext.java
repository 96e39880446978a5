package com.ticketbounty.eventruntime.function;

import com.ticketbounty.eventruntime.EventEnvelope;

/** What a function body sees of its run. */
public interface FunctionContext {

  /**
   * The event that started the run. A cron run's event is named {@code runtime/cron.tick}, with the
   * tick as {@code data.tick} (ISO-8601); an invoked run's event carries the invoker's data.
   */
  EventEnvelope event();

  /** The event's data read as a contract record; an event that does not fit fails the run. */
  <T> T data(Class<T> contract);

  /** The run's id: stable across attempts, replays and instances. */
  String runId();

  /** The id of the function being run. */
  String functionId();

  /** The steps this run can take. */
  Step step();
}
