package com.ticketbounty.eventruntime.postgres;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names for an engine's threads, as the starter names them ({@code <name>-attempt-1}, {@code
 * <name>-step-1}), so that a test can count the threads an engine holds by their names.
 */
final class EngineThreads {
  static final String ATTEMPT = "-attempt-";
  static final String STEP = "-step-";
  static final String LOOP = "-loop-";

  private EngineThreads() {}

  /** Daemon threads named {@code prefix} and a count from 1. */
  static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** How many threads whose names start with {@code prefix} are alive now. */
  static long live(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
        .count();
  }
}
