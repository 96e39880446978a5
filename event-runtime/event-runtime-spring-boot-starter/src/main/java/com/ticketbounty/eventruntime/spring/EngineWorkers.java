package com.ticketbounty.eventruntime.spring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's thread pools: {@code attempts} runs attempts (the scheduler never hands it more than
 * its size at once), {@code branches} the bodies of steps, which the attempts wait for with a
 * timeout. The second grows as needed: the steps running at once are bounded by the attempts and
 * their parallel steps, and a body abandoned at its timeout that ignores its interrupt keeps its
 * thread without taking one from the steps that come after it.
 */
record EngineWorkers(ExecutorService attempts, ExecutorService branches) {

  static EngineWorkers of(String service, int size) {
    return new EngineWorkers(
        Executors.newFixedThreadPool(size, named(service + "-attempt-")),
        Executors.newCachedThreadPool(named(service + "-step-")));
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
