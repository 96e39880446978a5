package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.OrderPaid;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.OrderPlaced;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.TicketCommented;
import com.ticketbounty.eventruntime.postgres.ScenarioEvents.TicketOpened;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
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

  /** Long enough (a minute on PostgreSQL) that no comment wait times out while tickets open. */
  private static final int COMMENT_TIMEOUT = 240;

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

  /** Waits for a comment that {@code match} accepts; returns the comment's ticket and priority. */
  private DurableFunction awaitComment(String id, String match) {
    return DurableFunction.named(id)
        .triggeredBy(TicketOpened.class)
        .waitsFor("test/ticket.commented")
        .handler(
            ctx ->
                ctx.step()
                    .waitForEvent(
                        "comment", "test/ticket.commented", match, runtime.units(COMMENT_TIMEOUT))
                    .map(
                        comment ->
                            "%s %s"
                                .formatted(
                                    comment.data().path("ticketId").asString(),
                                    comment.data().path("priority").asString()))
                    .orElse("timed out"));
  }

  /** Opens the tickets and returns their runs of {@code functionId} once all wait, by ticket. */
  private Map<String, UUID> opened(String functionId, int tickets) {
    for (int i = 0; i < tickets; i++) {
      runtime.send(new TicketOpened("t-" + i));
    }
    Map<String, UUID> runs = new HashMap<>();
    for (RunRecord run : runtime.runs(functionId)) {
      runtime.reached(run.id(), RunStatus.WAITING);
      runs.put(ticketOf(run), run.id());
    }
    assertThat(runs).hasSize(tickets);
    return runs;
  }

  private static String ticketOf(RunRecord run) {
    return run.event().replaceAll(".*\"ticketId\":\"([^\"]+)\".*", "$1");
  }

  private List<String> completed(Collection<UUID> runs) {
    return runs.stream()
        .map(runtime::run)
        .filter(run -> run.status() == RunStatus.COMPLETED)
        .map(RunRecord::output)
        .toList();
  }

  @Test
  void aCommentResumesExactlyTheRunWaitingForItsTicketAmongMany() {
    runtime.register(awaitComment("await-comment", "event.data.ticketId == async.data.ticketId"));
    Map<String, UUID> runs = opened("await-comment", 30);

    runtime.send(new TicketCommented("t-17", "low"));

    assertThat(completed(runs.values()))
        .as("only the run of t-17")
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("t-17 low");
    assertThat(runtime.run(runs.get("t-17")).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aConjunctionWithTheTicketsEqualityResumesOnlyWhenAllOfItHolds() {
    runtime.register(
        awaitComment(
            "await-urgent-comment",
            "async.data.priority == 'high' && async.data.ticketId == event.data.ticketId"));
    Map<String, UUID> runs = opened("await-urgent-comment", 10);

    runtime.send(new TicketCommented("t-3", "low"));
    assertThat(completed(runs.values())).as("a low comment resumes nothing").isEmpty();
    runtime.send(new TicketCommented("t-4", "high"));

    assertThat(completed(runs.values()))
        .singleElement()
        .isEqualTo("{\"v\":1,\"data\":\"t-4 high\"}");
    assertThat(runtime.run(runs.get("t-4")).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aMatchWithoutACorrelationStillResumesEveryRunItAccepts() {
    runtime.register(
        awaitComment("await-any-urgent", "async.data.priority == 'high'"),
        awaitComment("await-own", "async.data.ticketId == event.data.ticketId"));
    Map<String, UUID> anyUrgent = opened("await-any-urgent", 3);
    Map<String, UUID> own = new HashMap<>();
    for (RunRecord run : runtime.runs("await-own")) {
      own.put(ticketOf(run), runtime.reached(run.id(), RunStatus.WAITING).id());
    }

    runtime.send(new TicketCommented("t-1", "high"));

    assertThat(completed(anyUrgent.values())).hasSize(3).allMatch(out -> out.contains("t-1 high"));
    assertThat(completed(own.values()))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("t-1 high");
    assertThat(runtime.run(own.get("t-1")).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aCommentWithoutTheTicketFieldResumesNoRunWaitingForItsTicket() {
    runtime.register(
        awaitComment("await-own", "async.data.ticketId == event.data.ticketId"),
        awaitComment("await-any-urgent", "async.data.priority == 'high'"));
    Map<String, UUID> own = opened("await-own", 3);
    List<UUID> anyUrgent = runtime.runs("await-any-urgent").stream().map(RunRecord::id).toList();
    anyUrgent.forEach(run -> runtime.reached(run, RunStatus.WAITING));

    runtime.send(new TicketCommented(null, "high"));

    assertThat(completed(own.values())).as("no ticket, no correlated run").isEmpty();
    assertThat(completed(anyUrgent))
        .as("the same event still resumes the runs that do not correlate")
        .hasSize(3);
    runtime.send(new TicketCommented("t-2", "low"));
    assertThat(completed(own.values()))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("t-2 low");
  }
}
