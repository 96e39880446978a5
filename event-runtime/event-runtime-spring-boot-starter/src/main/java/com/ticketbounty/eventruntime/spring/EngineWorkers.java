package com.ticketbounty.eventruntime.spring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's bounded thread pools: {@code attempts} runs attempts (the scheduler never hands it
 * more than its size at once), {@code branches} the bodies of parallel steps, apart so that an
 * attempt waiting for its branches never starves them.
 */
record EngineWorkers(ExecutorService attempts, ExecutorService branches) {

  static EngineWorkers of(String service, int size) {
    return new EngineWorkers(
        Executors.newFixedThreadPool(size, named(service + "-attempt-")),
        Executors.newFixedThreadPool(size, named(service + "-branch-")));
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
