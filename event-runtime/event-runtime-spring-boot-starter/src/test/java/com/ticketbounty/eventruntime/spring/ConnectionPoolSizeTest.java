package com.ticketbounty.eventruntime.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.ConnectionLimit;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The JDBC pool against the connections event-runtime may hold at once: a service with a durable
 * function and the default consumers, relay and retention. Started as a service starts, so the pool
 * is the one the starter builds from {@code spring.datasource.hikari.*}.
 */
class ConnectionPoolSizeTest {
  private static final TestDatabase DATABASE = TestDatabase.create("pool_size");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final String SERVICE = "pool-test";

  @AfterAll
  static void cleanUp() {
    String queue = RABBIT.prefix() + SERVICE + ".on-thing";
    RABBIT.delete(
        List.of(queue, queue + ".dlq"),
        List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    DATABASE.close();
  }

  @Test
  void aPoolSmallerThanTheRuntimeNeedsStopsStartUpNamingTheShortfall() {
    assertThatThrownBy(
            () ->
                start(
                        "--event-runtime.engine.workers=8",
                        "--spring.datasource.hikari.maximum-pool-size=6")
                    .close())
        .rootCause()
        .hasMessage(
            "the pool has 6 connections; event-runtime needs 26: 8 attempt connections + 8"
                + " step-body connections + 4 consumer threads + 1 outbox relay + 1 lease and poll"
                + " timer + 1 due-run listener + 1 cron timer + 1 dead-letter drain + 1 retention"
                + " pruner. Set spring.datasource.hikari.maximum-pool-size to at least 26 plus"
                + " what the service uses itself, or leave it unset to have it derived, or lower"
                + " event-runtime.engine.connections or event-runtime.consumer.threads");
  }

  @Test
  void manyVirtualWorkersShareTheAttemptConnectionsAndLeaveThePoolAsSmall() {
    try (ConfigurableApplicationContext service =
        start(
            "--event-runtime.engine.workers=200",
            "--event-runtime.engine.connections=3",
            "--event-runtime.consumer.threads=1")) {
      // 3 attempt connections + 3 for step bodies + 1 consumer thread + relay, lease timer,
      // due-run listener, cron timer, drain and retention; then 2 for the service's own work.
      assertThat(service.getBean(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(15);
      assertThat(service.getBean(EngineSettings.class).workers()).isEqualTo(200);
      // The run store lends the attempts' 3 and one each to the lease timer, listener and cron.
      assertThat(service.getBean(RunStore.class))
          .extracting("dataSource")
          .isInstanceOfSatisfying(
              ConnectionLimit.class, limit -> assertThat(limit.connections()).isEqualTo(6));
    }
  }

  @Test
  void theDefaultsKeepManyAttemptsInFlightOnAPoolOfTheOldSize() {
    try (ConfigurableApplicationContext service = start()) {
      // 8 attempt connections + 8 for step bodies + 4 consumer threads + 6 single ones, + 2.
      assertThat(service.getBean(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(28);
      assertThat(service.getBean(EngineSettings.class).workers()).isEqualTo(64);
    }
  }

  @Test
  void aPoolLeftUnsetIsSizedFromTheThreadsThatUseItWithTwoForTheService() {
    try (ConfigurableApplicationContext service =
        start("--event-runtime.engine.workers=2", "--event-runtime.consumer.threads=1")) {
      // 2 workers' connections + 2 for step bodies + 1 consumer thread + relay, lease timer,
      // due-run
      // listener, cron timer, drain and retention; then 2 for the service's own JDBC work.
      assertThat(service.getBean(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(13);
    }
  }

  @Test
  void aPoolSetLargeEnoughKeepsItsSize() {
    try (ConfigurableApplicationContext service =
        start(
            "--event-runtime.engine.workers=2",
            "--event-runtime.consumer.threads=1",
            "--spring.datasource.hikari.maximum-pool-size=11")) {
      assertThat(service.getBean(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(11);
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
