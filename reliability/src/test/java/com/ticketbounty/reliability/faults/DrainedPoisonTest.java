package com.ticketbounty.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrainedPoisonTest {
  private static final Set<String> POISON = Set.of("p1", "p2");

  @Test
  void everyPoisonMessageKeptOncePerQueueWithItsReasonHolds() {
    DrainedPoison drained =
        DrainedPoison.of(
            POISON,
            List.of(
                new DeadLetter("q1", "p1", "not JSON"),
                new DeadLetter("q2", "p1", "not JSON"),
                new DeadLetter("q1", "p2", "unknown MAJOR 9"),
                new DeadLetter("q1", "other", "someone else's")));

    assertThat(drained.holds()).isTrue();
    assertThat(drained.deadLetters()).as("only the poison's").hasSize(3);
    assertThat(drained.queues()).isEqualTo(2);
  }

  @Test
  void aDeadLetterKeptTwiceInOneQueueOrAPoisonMessageNotKeptDoesNotHold() {
    DrainedPoison twice =
        DrainedPoison.of(
            POISON,
            List.of(
                new DeadLetter("q1", "p1", "not JSON"),
                new DeadLetter("q1", "p1", "not JSON"),
                new DeadLetter("q1", "p2", "unknown MAJOR 9")));
    DrainedPoison missing =
        DrainedPoison.of(POISON, List.of(new DeadLetter("q1", "p1", "not JSON")));

    assertThat(twice.twice()).isEqualTo(1);
    assertThat(twice.holds()).isFalse();
    assertThat(missing.missing()).containsExactly("p2");
    assertThat(missing.holds()).isFalse();
  }
}
