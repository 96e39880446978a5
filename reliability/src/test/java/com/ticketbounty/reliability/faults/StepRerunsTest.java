package com.ticketbounty.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepRerunsTest {
  private static final String RUN = "019ac4d2-5b1e-7c3a-9f21-4d5e6f708193";
  private static final String USER = "3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1f";
  private static final Instant COMPLETED = Instant.parse("2026-12-06T18:00:00Z");

  @Test
  void countsAnEmailSentAfterItsStepWasRecordedCompleted() {
    List<Delivery> journal =
        List.of(
            sent(RUN + ":send-confirmation:" + USER, COMPLETED.minusMillis(5)),
            sent(RUN + ":send-confirmation:" + USER, COMPLETED.plusSeconds(3)));

    assertThat(StepReruns.count(journal, Map.of(RUN + ":send-confirmation", COMPLETED))).isOne();
  }

  @Test
  void matchesAStepKeyWithARepeatIndex() {
    List<Delivery> journal =
        List.of(sent(RUN + ":send-digest:1:" + USER, COMPLETED.plusSeconds(1)));

    assertThat(StepReruns.count(journal, Map.of(RUN + ":send-digest:1", COMPLETED))).isOne();
  }

  @Test
  void takesAStepStillRunningOrAKeyOfAnotherShapeAsNoRerun() {
    List<Delivery> journal =
        List.of(
            sent(RUN + ":notify-author:" + USER, COMPLETED.plusSeconds(1)),
            sent("not-a-run-key", COMPLETED.plusSeconds(1)));

    assertThat(StepReruns.count(journal, Map.of(RUN + ":send-confirmation", COMPLETED))).isZero();
  }

  private static Delivery sent(String key, Instant at) {
    return new Delivery(at, 200, key, "a@faults.example", "Ticket created: t", "");
  }
}
