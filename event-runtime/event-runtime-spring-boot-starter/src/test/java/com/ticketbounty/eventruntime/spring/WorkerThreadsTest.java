package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.spring.EventRuntimeProperties.WorkerKind;
import org.junit.jupiter.api.Test;

/** Which threads the engine's workers are, on a JVM with virtual threads and on one without. */
class WorkerThreadsTest {

  @Test
  void unsetTheWorkersAreVirtualWhereTheJvmHasVirtualThreadsAndPlatformElsewhere() {
    assertThat(WorkerThreads.resolve(null, true, 21)).isEqualTo(WorkerKind.VIRTUAL);
    assertThat(WorkerThreads.resolve(null, false, 17)).isEqualTo(WorkerKind.PLATFORM);
  }

  @Test
  void aChosenKindIsKeptWhereTheJvmHasIt() {
    assertThat(WorkerThreads.resolve(WorkerKind.PLATFORM, true, 21)).isEqualTo(WorkerKind.PLATFORM);
    assertThat(WorkerThreads.resolve(WorkerKind.PLATFORM, false, 17))
        .isEqualTo(WorkerKind.PLATFORM);
    assertThat(WorkerThreads.resolve(WorkerKind.VIRTUAL, true, 21)).isEqualTo(WorkerKind.VIRTUAL);
  }

  @Test
  void virtualWorkersOnAJvmWithoutVirtualThreadsAreRefusedNamingTheJavaVersion() {
    assertThatThrownBy(() -> WorkerThreads.resolve(WorkerKind.VIRTUAL, false, 17))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "event-runtime.engine.worker-kind is virtual, but this JVM (Java 17) has no virtual"
                + " threads");
  }
}
