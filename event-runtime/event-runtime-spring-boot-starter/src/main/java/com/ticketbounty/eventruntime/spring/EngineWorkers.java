package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.spring.EventRuntimeProperties.WorkerKind;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The engine's executors: {@code attempts} runs attempts (the scheduler never hands it more than
 * {@code workers} at once), {@code branches} the bodies of steps, which the attempts wait for with
 * a timeout. Virtual workers get a thread per task: the scheduler's bound is the only one needed,
 * and a waiting attempt costs no platform thread. Platform workers keep a fixed pool of {@code
 * workers} threads for attempts. Either way bodies get a thread as they start: the steps running at
 * once are bounded by the attempts and their parallel steps, and a body abandoned at its timeout
 * that ignores its interrupt keeps its thread without taking one from the steps that come after it.
 */
record EngineWorkers(ExecutorService attempts, ExecutorService branches) {

  static EngineWorkers of(String service, int workers, WorkerKind kind) {
    ThreadFactory attempts = WorkerThreads.named(kind, service + "-attempt-");
    ThreadFactory steps = WorkerThreads.named(kind, service + "-step-");
    if (kind == WorkerKind.VIRTUAL) {
      return new EngineWorkers(
          Executors.newThreadPerTaskExecutor(attempts), Executors.newThreadPerTaskExecutor(steps));
    }
    return new EngineWorkers(
        Executors.newFixedThreadPool(workers, attempts), Executors.newCachedThreadPool(steps));
  }
}
