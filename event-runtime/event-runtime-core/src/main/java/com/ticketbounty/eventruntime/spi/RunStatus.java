package com.ticketbounty.eventruntime.spi;

/** Where a run stands (DESIGN.md §5). Only {@link #RUNNING} holds a lease. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SLEEPING,
  WAITING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Whether the run is over: nothing will ever execute it again (unless it is replayed). */
  public boolean finished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
