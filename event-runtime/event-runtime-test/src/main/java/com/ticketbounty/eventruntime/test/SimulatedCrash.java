package com.ticketbounty.eventruntime.test;

/**
 * Thrown inside a step to play a worker that dies there: an {@link Error}, which the engine does
 * not handle, so the attempt is abandoned with nothing written and its run keeps its lease until it
 * expires.
 */
public final class SimulatedCrash extends Error {
  private static final long serialVersionUID = 1L;

  public SimulatedCrash(String where) {
    super("simulated worker crash in " + where, null, false, false);
  }
}
