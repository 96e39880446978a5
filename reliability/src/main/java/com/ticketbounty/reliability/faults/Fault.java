package com.ticketbounty.reliability.faults;

import java.time.Duration;
import java.util.Set;

/**
 * One fault of the suite: injected a third into its phase, lifted two thirds in, under steady load
 * all along.
 */
interface Fault {
  /** Its number in issue 14's list. */
  int number();

  /** What it does, as the table says it. */
  String description();

  /** Injects it; {@code window} is how long it stays before {@link #lift}. */
  void inject(SuiteSystem system, Duration window) throws Exception;

  void lift(SuiteSystem system) throws Exception;

  /** Message ids of what the fault published to be dead-lettered; none for most faults. */
  default Set<String> poisonIds() {
    return Set.of();
  }
}
