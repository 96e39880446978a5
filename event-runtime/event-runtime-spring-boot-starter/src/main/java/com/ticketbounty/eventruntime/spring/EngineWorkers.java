package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.spring.EventRuntimeProperties.WorkerKind;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The engine's bounded thread pools: {@code attempts} runs attempts (the scheduler never hands it
 * more than its size at once), {@code branches} the bodies of parallel steps, apart so that an
 * attempt waiting for its branches never starves them. Both are fixed pools of {@code size}
 * threads, virtual or platform: the bound, which the connection budget counts on, is the same.
 */
record EngineWorkers(ExecutorService attempts, ExecutorService branches) {

  static EngineWorkers of(String service, int size, WorkerKind kind) {
    return new EngineWorkers(
        Executors.newFixedThreadPool(size, WorkerThreads.named(kind, service + "-attempt-")),
        Executors.newFixedThreadPool(size, WorkerThreads.named(kind, service + "-branch-")));
  }
}
