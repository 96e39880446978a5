package com.ticketbounty.eventruntime.spi;

/** What the transport does with a message once the runtime has handled it. */
public sealed interface Outcome {

  /** Done (or a duplicate): ack it. */
  record Processed() implements Outcome {}

  /**
   * Failed for now: give it back to the broker to deliver again (counted by its delivery limit).
   */
  record Retry(String reason) implements Outcome {}

  /** It can never be processed: move it to the dead-letter queue with the reason, then ack it. */
  record DeadLetter(String reason) implements Outcome {}
}
