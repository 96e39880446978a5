package com.ticketbounty.eventruntime.spi;

/** Where a step stands. Only {@link #COMPLETED} and {@link #FAILED} are final. */
public enum StepStatus {
  COMPLETED,
  FAILED,
  /** Failed an attempt; the next is due at the record's wake time. */
  RETRYING,
  SLEEPING,
  /** Waiting for an event or an invoked run. */
  WAITING
}
