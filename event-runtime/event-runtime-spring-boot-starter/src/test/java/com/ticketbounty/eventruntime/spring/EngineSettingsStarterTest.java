package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;

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
  void unsetTheEngineKeepsItsDefaultLimitsAndRunsManyAttemptsOnPlatformThreads() {
    try (ConfigurableApplicationContext service = start()) {
      EngineSettings settings = service.getBean(EngineSettings.class);
      assertThat(settings.limits()).isEqualTo(Limits.DEFAULTS);
      assertThat(settings.workers()).isEqualTo(EngineSettings.DEFAULT_WORKERS);
      EngineWorkers workers = service.getBean(EngineWorkers.class);
      assertThat(threadOf(workers.attempts())).isEqualTo(Thread.class.getName());
      assertThat(threadOf(workers.branches())).isEqualTo(Thread.class.getName());
    }
  }

  @Test
  void virtualWorkersRunOnVirtualThreads() {
    try (ConfigurableApplicationContext service =
        start("--event-runtime.engine.worker-kind=virtual")) {
      EngineWorkers workers = service.getBean(EngineWorkers.class);
      assertThat(threadOf(workers.attempts())).isEqualTo(VIRTUAL_THREAD);
      assertThat(threadOf(workers.branches())).isEqualTo(VIRTUAL_THREAD);
    }
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
