package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spring.EventRuntimeProperties.WorkerKind;
import org.junit.jupiter.api.Test;

/** Which threads the engine's workers are, and how they are named. */
class WorkerThreadsTest {

  @Test
  void unsetTheWorkersArePlatformThreads() {
    assertThat(WorkerThreads.resolve(null)).isEqualTo(WorkerKind.PLATFORM);
  }

  @Test
  void aChosenKindIsKept() {
    assertThat(WorkerThreads.resolve(WorkerKind.PLATFORM)).isEqualTo(WorkerKind.PLATFORM);
    assertThat(WorkerThreads.resolve(WorkerKind.VIRTUAL)).isEqualTo(WorkerKind.VIRTUAL);
  }

  @Test
  void virtualThreadsAreNumberedFromOne() {
    Thread first = WorkerThreads.named(WorkerKind.VIRTUAL, "svc-attempt-").newThread(() -> {});

    assertThat(first.isVirtual()).isTrue();
    assertThat(first.getName()).isEqualTo("svc-attempt-1");
  }

  @Test
  void platformThreadsAreNumberedDaemons() {
    var threads = WorkerThreads.named(WorkerKind.PLATFORM, "svc-step-");
    threads.newThread(() -> {});
    Thread second = threads.newThread(() -> {});

    assertThat(second.isVirtual()).isFalse();
    assertThat(second.isDaemon()).isTrue();
    assertThat(second.getName()).isEqualTo("svc-step-2");
  }
}
