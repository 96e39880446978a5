package com.ticketbounty.eventruntime.postgres.archfixture;

import com.ticketbounty.eventruntime.internal.engine.Engine;

/** Written to break the boundary: a class outside event-runtime-core using its internals. */
public final class ReachesIntoTheEngine {
  private ReachesIntoTheEngine() {}

  public static Class<?> engine() {
    return Engine.class;
  }
}
