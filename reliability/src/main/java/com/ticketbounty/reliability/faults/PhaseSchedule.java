package com.ticketbounty.reliability.faults;

import java.time.Duration;

/**
 * When a fault's phase injects and lifts it: a third of the default length of load before, the
 * fault's {@linkplain Fault#window window}, a third after. For most faults the window is the
 * default's middle third, so the phase is the default length; a fault that asks for longer (fault
 * 6) lengthens its phase by the difference.
 *
 * @param inject from the phase's start to the fault's injection
 * @param window how long the fault stays
 * @param length the whole phase, load all along
 */
record PhaseSchedule(Duration inject, Duration window, Duration length) {
  static PhaseSchedule of(Fault fault, Duration defaultLength) {
    Duration third = defaultLength.dividedBy(3);
    Duration window = fault.window(third);
    return new PhaseSchedule(third, window, third.plus(window).plus(third));
  }

  /** From the phase's start to the fault's lifting. */
  Duration lift() {
    return inject.plus(window);
  }
}
