package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.EventType;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.Outcome;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expressions that fail on some event (a concurrency key, a wait's match) fail the run they belong
 * to, with the reason — never the intake of the event, which would retry or dead-letter it and hold
 * up every other function and run.
 */
class BadExpressionsOnPostgresTest {
  @EventType(name = "test/order.placed", version = "1.0")
  record OrderPlaced(String orderId) {}

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private PostgresEngines engines;

  @BeforeEach
  void createDatabase() {
    engines = PostgresEngines.create("bad_expressions", 6);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    engines.close();
  }

  private InboundMessage message(Object contract) {
    return new InboundMessage(
        codec.encode(codec.envelope(contract, null)).getBytes(StandardCharsets.UTF_8),
        Map.of(),
        false);
  }

  @Test
  void aConcurrencyKeyThatCannotBeEvaluatedFailsTheRunWithItsReason() {
    DurableFunction charge =
        DurableFunction.named("charge")
            .triggeredBy(OrderPlaced.class)
            .concurrency(1, "event.data.customer.id")
            .handler(ctx -> ctx.step().run("charge", String.class, key -> "charged"));
    DurableEngine engine = engines.start("worker-1", 2, charge);

    Outcome outcome = engine.intake(charge).handle(message(new OrderPlaced("o-1")));

    assertThat(outcome).as("the message is taken in").isInstanceOf(Outcome.Processed.class);
    UUID run = UUID.fromString(engines.column("SELECT id FROM event_runtime.runs").get(0));
    await().atMost(Duration.ofSeconds(10)).until(() -> engines.status(run) == RunStatus.FAILED);
    RunRecord failed = engines.store().run(run).orElseThrow();
    assertThat(failed.error()).contains("concurrency key").contains("event.data.customer.id");
    assertThat(
            engines.count(
                "SELECT count(*) FROM event_runtime.outbox"
                    + " WHERE event_name = 'runtime/function.failed'"))
        .isEqualTo(1);
  }
}
