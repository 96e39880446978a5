package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The engine's limits and the kind of threads its workers are, as DESIGN.md §5 has them
 * configurable: {@code event-runtime.engine.limits.*} and {@code event-runtime.engine.worker-kind}.
 */
class EngineSettingsStarterTest {
  private static final TestDatabase DATABASE = TestDatabase.create("engine_settings");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final String SERVICE = "engine-settings-test";
  private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

  @AfterAll
  static void cleanUp() {
    String queue = RABBIT.prefix() + SERVICE + ".on-thing";
    RABBIT.delete(
        List.of(queue, queue + ".dlq"),
        List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void theEnginesLimitsComeFromItsSettings() {
    try (ConfigurableApplicationContext service =
        start(
            "--event-runtime.engine.limits.max-step-output=1MB",
            "--event-runtime.engine.limits.max-event=64KB",
            "--event-runtime.engine.limits.max-steps-per-run=50")) {
      assertThat(service.getBean(EngineSettings.class).limits())
          .isEqualTo(new Limits(1024 * 1024, 64 * 1024, 50));
    }
  }

  @Test
  void unsetTheEngineKeepsItsDefaultLimitsAndRunsOnVirtualThreadsWhereTheJvmHasThem() {
    try (ConfigurableApplicationContext service = start()) {
      assertThat(service.getBean(EngineSettings.class).limits()).isEqualTo(Limits.DEFAULTS);
      EngineWorkers workers = service.getBean(EngineWorkers.class);
      boolean virtual = Runtime.version().feature() >= 21;
      assertThat(threadOf(workers.attempts()).equals(VIRTUAL_THREAD)).isEqualTo(virtual);
      assertThat(threadOf(workers.branches()).equals(VIRTUAL_THREAD)).isEqualTo(virtual);
    }
  }

  @Test
  void platformWorkersRunOnPlatformThreads() {
    try (ConfigurableApplicationContext service =
        start("--event-runtime.engine.worker-kind=platform")) {
      EngineWorkers workers = service.getBean(EngineWorkers.class);
      assertThat(threadOf(workers.attempts())).isEqualTo(Thread.class.getName());
      assertThat(threadOf(workers.branches())).isEqualTo(Thread.class.getName());
    }
  }

  /**
   * The JVM running the tests decides which half applies: Java 21 or later runs the workers on
   * virtual threads, an older one refuses to start, naming its version.
   */
  @Test
  void virtualWorkersRunOnVirtualThreadsOrStopStartUpOnAJvmWithoutThem() {
    if (Runtime.version().feature() >= 21) {
      try (ConfigurableApplicationContext service =
          start("--event-runtime.engine.worker-kind=virtual")) {
        EngineWorkers workers = service.getBean(EngineWorkers.class);
        assertThat(threadOf(workers.attempts())).isEqualTo(VIRTUAL_THREAD);
        assertThat(threadOf(workers.branches())).isEqualTo(VIRTUAL_THREAD);
      }
      return;
    }
    assertThatThrownBy(() -> start("--event-runtime.engine.worker-kind=virtual").close())
        .rootCause()
        .hasMessage(
            "event-runtime.engine.worker-kind is virtual, but this JVM (Java %d) has no virtual"
                    .formatted(Runtime.version().feature())
                + " threads: they need Java 21 or later. Set it to platform, or leave it unset"
                + " for virtual threads where the JVM has them and platform threads elsewhere");
  }

  /** The class of the thread that runs a task on {@code pool}. */
  private static String threadOf(ExecutorService pool) {
    try {
      return pool.submit(() -> Thread.currentThread().getClass().getName()).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConfigurableApplicationContext start(String... settings) {
    return TestService.start(App.class, SERVICE, DATABASE, RABBIT, settings);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    DurableFunction onThing() {
      return DurableFunction.named("on-thing")
          .triggeredBy(ThingHappened.class)
          .handler(ctx -> null);
    }
  }
}
