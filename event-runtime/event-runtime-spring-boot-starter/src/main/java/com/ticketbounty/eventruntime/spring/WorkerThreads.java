package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.spring.EventRuntimeProperties.WorkerKind;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * The threads of the engine's pools, of the kind {@code event-runtime.engine.worker-kind} names.
 */
final class WorkerThreads {
  private WorkerThreads() {}

  /**
   * The configured kind; unset, platform: step bodies are the service's code, which virtual threads
   * can deadlock on Java 25 (see {@link WorkerKind#VIRTUAL}).
   */
  static WorkerKind resolve(@Nullable WorkerKind configured) {
    return configured == null ? WorkerKind.PLATFORM : configured;
  }

  /** Threads named {@code prefix1}, {@code prefix2}, …; platform ones are daemons. */
  static ThreadFactory named(WorkerKind kind, String prefix) {
    Thread.Builder threads =
        kind == WorkerKind.VIRTUAL ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
    return threads.name(prefix, 1).factory();
  }
}
