package com.ticketbounty.eventruntime.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.Contracts.OrderPaid;
import com.ticketbounty.eventruntime.test.Contracts.OrderPlaced;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EventRuntimeExtension.class)
class WaitForEventTest {

  /** Sleeps a minute first, so that a payment can arrive before the wait is reached. */
  private static DurableFunction awaitPayment() {
    return DurableFunction.named("await-payment")
        .triggeredBy(OrderPlaced.class)
        .waitsFor("test/order.paid")
        .handler(
            ctx -> {
              ctx.step().sleep("grace", Duration.ofMinutes(1));
              return ctx.step()
                  .waitForEvent(
                      "paid",
                      "test/order.paid",
                      "async.data.orderId == event.data.orderId",
                      Duration.ofHours(1))
                  .map(paid -> "paid " + paid.data().path("orderId").asString())
                  .orElse("timed out");
            });
  }

  @Test
  void resumesWhenAMatchingEventArrivesAfterTheWaitBegan(TestRuntime runtime) {
    runtime.register(awaitPayment());
    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.advance(Duration.ofMinutes(1));
    assertThat(runtime.onlyRun("await-payment").status()).isEqualTo(RunStatus.WAITING);

    runtime.send(new OrderPaid("another-order"));
    assertThat(runtime.onlyRun("await-payment").status()).isEqualTo(RunStatus.WAITING);
    runtime.send(new OrderPaid("o-1"));

    assertThat(runtime.onlyRun("await-payment").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(runtime.onlyRun("await-payment").output()).contains("paid o-1");
  }

  @Test
  void matchesAnEventThatArrivedBeforeTheWaitWasReached(TestRuntime runtime) {
    runtime.register(awaitPayment());
    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.send(new OrderPaid("o-1"));
    assertThat(runtime.onlyRun("await-payment").status()).isEqualTo(RunStatus.SLEEPING);

    runtime.advance(Duration.ofMinutes(1));

    assertThat(runtime.onlyRun("await-payment").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(runtime.onlyRun("await-payment").output()).contains("paid o-1");
  }

  @Test
  void returnsEmptyOnTimeout(TestRuntime runtime) {
    runtime.register(awaitPayment());
    runtime.send(new OrderPlaced("o-1", "u-1"));
    runtime.advance(Duration.ofMinutes(60));
    assertThat(runtime.onlyRun("await-payment").status()).isEqualTo(RunStatus.WAITING);

    runtime.advance(Duration.ofMinutes(1));

    assertThat(runtime.onlyRun("await-payment").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(runtime.onlyRun("await-payment").output()).contains("timed out");
  }
}
