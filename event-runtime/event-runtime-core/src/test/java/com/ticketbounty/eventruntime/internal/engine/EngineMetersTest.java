package com.ticketbounty.eventruntime.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineMetersTest {

  @Test
  void theCachedMetersKeepOneSeriesPerFunctionAndStatusOrStepAndCountEveryIncrement() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EngineMeters meters = new EngineMeters(registry);

    for (int i = 0; i < 3; i++) {
      meters.runEnded("order", RunStatus.COMPLETED, Duration.ofMillis(40));
      meters.stepExecuted("order", "send:" + i, Duration.ofMillis(2));
      meters.stepRetried("order", "send:" + i);
      meters.concurrencyWait("order", Duration.ofMillis(1));
    }
    meters.runEnded("order", RunStatus.FAILED, null);

    assertThat(registry.find("eventruntime.runs").counters()).hasSize(2);
    assertThat(registry.find("eventruntime.run.duration").timers()).hasSize(1);
    assertThat(registry.find("eventruntime.step.duration").timers()).hasSize(1);
    assertThat(registry.find("eventruntime.step.retries").counters()).hasSize(1);
    assertThat(registry.find("eventruntime.concurrency.wait").timers()).hasSize(1);
    assertThat(registry.get("eventruntime.runs").tag("status", "completed").counter().count())
        .isEqualTo(3);
    assertThat(registry.get("eventruntime.runs").tag("status", "failed").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("eventruntime.step.duration").tag("step", "send").timer().count())
        .isEqualTo(3);
    assertThat(registry.get("eventruntime.step.retries").tag("step", "send").counter().count())
        .isEqualTo(3);
    assertThat(registry.get("eventruntime.run.duration").timer().count()).isEqualTo(3);
    assertThat(registry.get("eventruntime.concurrency.wait").timer().count()).isEqualTo(3);
  }
}
