package com.ticketbounty.eventruntime.spring;

/**
 * Threads outside the starter that each hold one connection of the service's JDBC pool at a time
 * (event-runtime-stream's projection consumers, say), added to the runtime's {@link
 * ConnectionBudget} when the pool is sized. Declare it as a bean with constant values: it is read
 * while the pool is created, before most beans exist.
 *
 * @param connections how many such threads
 * @param holder what one of them is, singular ({@code projection consumer thread})
 */
public record ConnectionShare(int connections, String holder) {
  public ConnectionShare {
    if (connections < 0) {
      throw new IllegalArgumentException("connections must not be negative, was " + connections);
    }
  }
}
