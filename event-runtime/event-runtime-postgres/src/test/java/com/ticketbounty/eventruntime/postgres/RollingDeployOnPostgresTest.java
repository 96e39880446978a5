package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rolling deploy: an old instance and a new one, which adds a function, share one database. The
 * old instance must leave the new function's runs alone instead of failing them.
 */
class RollingDeployOnPostgresTest {
  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId) {}

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private PostgresEngines engines;

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("rolling_deploy", 6);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  private static DurableFunction named(String id) {
    return DurableFunction.named(id)
        .triggeredBy(OrderPlaced.class)
        .handler(ctx -> ctx.step().run("work", String.class, key -> id + " done"));
  }

  @Test
  void anInstanceLeavesTheRunsOfFunctionsItDoesNotKnowQueued() {
    DurableEngine old =
        engines.engine(PostgresEngines.settings("old", 2), codec, List.of(named("confirm")));
    DurableEngine updated =
        engines.engine(
            PostgresEngines.settings("new", 2), codec, List.of(named("confirm"), named("audit")));
    List<RunRecord> runs = updated.submit(List.of(codec.envelope(new OrderPlaced("o-1"), null)));
    UUID confirm = id(runs, "confirm");
    UUID audit = id(runs, "audit");

    assertThat(old.pollOnce()).as("the old instance claims only what it knows").isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> old.inFlight() == 0);

    assertThat(engines.status(confirm)).isEqualTo(RunStatus.COMPLETED);
    assertThat(engines.status(audit)).isEqualTo(RunStatus.QUEUED);
    assertThat(engines.store().run(audit).orElseThrow().error()).isNull();

    updated.pollOnce();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engines.status(audit) == RunStatus.COMPLETED);
  }

  private static UUID id(List<RunRecord> runs, String functionId) {
    return runs.stream()
        .filter(run -> run.functionId().equals(functionId))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
