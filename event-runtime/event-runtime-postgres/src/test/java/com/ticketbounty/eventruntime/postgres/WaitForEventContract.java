package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.OrderPaid;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.OrderPlaced;
import com.ticketbounty.eventruntime.spi.RunStatus;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * waitForEvent — an event after the wait began, one before it was reached, none until the timeout:
 * written once against {@link EngineDriver}, run in memory and on PostgreSQL.
 */
abstract class WaitForEventContract {
  private static final int GRACE = 2;
  private static final int TIMEOUT = 6;

  EngineDriver runtime;

  abstract EngineDriver newDriver();

  @BeforeEach
  void startRuntime() {
    runtime = newDriver();
  }

  @AfterEach
  void stopRuntime() throws Exception {
    runtime.close();
  }

  /** Sleeps a while first, so that a payment can arrive before the wait is reached. */
  private DurableFunction awaitPayment() {
    return DurableFunction.named("await-payment")
        .triggeredBy(OrderPlaced.class)
        .waitsFor("test/order.paid")
        .handler(
            ctx -> {
              ctx.step().sleep("grace", runtime.units(GRACE));
              return ctx.step()
                  .waitForEvent(
                      "paid",
                      "test/order.paid",
                      "async.data.orderId == event.data.orderId",
                      runtime.units(TIMEOUT))
                  .map(paid -> "paid " + paid.data().path("orderId").asString())
                  .orElse("timed out");
            });
  }

  private UUID awaitingPayment() {
    return runtime.onlyRun("await-payment").id();
  }

  @Test
  void resumesWhenAMatchingEventArrivesAfterTheWaitBegan() {
    runtime.register(awaitPayment());
    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.advance(runtime.units(GRACE));
    runtime.reached(awaitingPayment(), RunStatus.WAITING);

    runtime.send(new OrderPaid("another-order"));
    assertThat(runtime.run(awaitingPayment()).status()).isEqualTo(RunStatus.WAITING);
    runtime.send(new OrderPaid("o-1"));

    assertThat(runtime.run(awaitingPayment()).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(runtime.run(awaitingPayment()).output()).contains("paid o-1");
  }

  @Test
  void matchesAnEventThatArrivedBeforeTheWaitWasReached() {
    runtime.register(awaitPayment());
    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.send(new OrderPaid("o-1"));
    assertThat(runtime.run(awaitingPayment()).status()).isEqualTo(RunStatus.SLEEPING);

    runtime.advance(runtime.units(GRACE));

    assertThat(runtime.reached(awaitingPayment(), RunStatus.COMPLETED).output())
        .contains("paid o-1");
  }

  @Test
  void returnsEmptyOnTimeout() {
    runtime.register(awaitPayment());
    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.advance(runtime.units(GRACE + TIMEOUT - 1));
    assertThat(runtime.run(awaitingPayment()).status()).isEqualTo(RunStatus.WAITING);

    runtime.advance(runtime.units(1));

    assertThat(runtime.reached(awaitingPayment(), RunStatus.COMPLETED).output())
        .contains("timed out");
  }
}
