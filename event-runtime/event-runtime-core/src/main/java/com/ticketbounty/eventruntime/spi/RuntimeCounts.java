package com.ticketbounty.eventruntime.spi;

import java.util.List;
import java.util.Map;

/**
 * Counts the runtime's gauges show, read from the store now and then (never per run or step): each
 * read may scan, so callers cache the answers.
 */
public interface RuntimeCounts {

  /** Runs that wait to be executed, by function and status (queued, sleeping, waiting). */
  List<WaitingRuns> waitingRuns();

  /** Dead letters not yet redriven, by the queue they died in. */
  Map<String, Long> deadLetters();

  /** Outbox rows not yet published. */
  long outboxBacklog();

  /** How many runs of a function are in one waiting status. */
  record WaitingRuns(String functionId, RunStatus status, long count) {}
}
