package com.ticketbounty.reliability.cluster;

/** A stretch of the run, in epoch microseconds, [from, to). */
record Window(String name, long fromMicros, long toMicros) {
  double seconds() {
    return (toMicros - fromMicros) / 1e6;
  }
}
