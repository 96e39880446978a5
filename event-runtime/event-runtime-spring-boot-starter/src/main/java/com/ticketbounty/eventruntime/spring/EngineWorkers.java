package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.spring.EventRuntimeProperties.WorkerKind;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The engine's thread pools: {@code attempts} runs attempts (the scheduler never hands it more than
 * its size at once), {@code branches} the bodies of steps, which the attempts wait for with a
 * timeout. The second grows as needed: the steps running at once are bounded by the attempts and
 * their parallel steps, and a body abandoned at its timeout that ignores its interrupt keeps its
 * thread without taking one from the steps that come after it.
 */
record EngineWorkers(ExecutorService attempts, ExecutorService branches) {

  static EngineWorkers of(String service, int size, WorkerKind kind) {
    return new EngineWorkers(
        Executors.newFixedThreadPool(size, WorkerThreads.named(kind, service + "-attempt-")),
        Executors.newCachedThreadPool(WorkerThreads.named(kind, service + "-step-")));
  }
}
