package com.ticketbounty.eventruntime.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.ShutdownSignalException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfirmTrackerTest {
  private final ConfirmTracker tracker = new ConfirmTracker();
  private final UUID[] ids = {
    UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()
  };

  @Test
  void multipleAckConfirmsEverythingUpToItsTagAndNacksAreLeftOut() throws Exception {
    expectAll();

    tracker.handleAck(3, true);
    tracker.handleNack(4, false);
    tracker.handleAck(5, false);

    assertThat(awaitAll(Duration.ofSeconds(1)))
        .containsExactlyInAnyOrder(ids[0], ids[1], ids[2], ids[4]);
    assertThat(tracker.isBroken()).isFalse();
  }

  @Test
  void timeoutAnswersWhatWasConfirmedAndRetiresTheChannel() throws Exception {
    expectAll();

    tracker.handleAck(2, true);

    assertThat(awaitAll(Duration.ofMillis(50))).containsExactlyInAnyOrder(ids[0], ids[1]);
    assertThat(tracker.isBroken()).as("a late confirm must not count for a later batch").isTrue();
  }

  @Test
  void closedChannelEndsTheWaitAtOnce() throws Exception {
    expectAll();

    tracker.handleAck(1, false);
    tracker.channelClosed(new ShutdownSignalException(true, false, null, null));

    assertThat(awaitAll(Duration.ofMinutes(5))).containsExactly(ids[0]);
  }

  @Test
  void aBatchIsAnsweredOnceItsOwnConfirmsAreInWhileALaterBatchIsStillOutstanding()
      throws Exception {
    expectAll();

    tracker.handleAck(2, true);

    assertThat(tracker.awaitConfirms(1, 2, List.of(ids[0], ids[1]), Duration.ofMinutes(5)))
        .containsExactlyInAnyOrder(ids[0], ids[1]);
    assertThat(tracker.isBroken()).isFalse();
    tracker.handleAck(5, true);
    assertThat(tracker.awaitConfirms(3, 5, List.of(ids[2], ids[3], ids[4]), Duration.ofMinutes(5)))
        .containsExactlyInAnyOrder(ids[2], ids[3], ids[4]);
  }

  private Set<UUID> awaitAll(Duration timeout) throws InterruptedException {
    return tracker.awaitConfirms(1, ids.length, List.of(ids), timeout);
  }

  private void expectAll() {
    for (int i = 0; i < ids.length; i++) {
      tracker.expect(i + 1, ids[i]);
    }
  }
}
