package com.ticketbounty.reliability.faults;

import java.time.Duration;
import java.util.Set;

/**
 * One fault of the suite: injected a third into its phase and lifted after its window (by default
 * the phase's middle third), under steady load all along.
 */
interface Fault {
  /** Its number in issue 14's list. */
  int number();

  /** What it does, as the table says it. */
  String description();

  /** Injects it; {@code window} is how long it stays before {@link #lift}. */
  void inject(SuiteSystem system, Duration window) throws Exception;

  void lift(SuiteSystem system) throws Exception;

  /**
   * How long it stays injected, given the phase's default window (its middle third). A fault whose
   * issue names durations of its own (fault 6's minute of 500s) returns them, and its phase grows
   * to fit: a third of load before, this window, a third after.
   */
  default Duration window(Duration phaseWindow) {
    return phaseWindow;
  }

  /** Message ids of what the fault published to be dead-lettered; none for most faults. */
  default Set<String> poisonIds() {
    return Set.of();
  }
}
