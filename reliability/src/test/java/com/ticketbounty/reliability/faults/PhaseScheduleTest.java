package com.ticketbounty.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhaseScheduleTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void injectsAThirdInAndLiftsTwoThirdsInByDefault() {
    PhaseSchedule schedule = PhaseSchedule.of(new KillService(1, "notification-service"), MINUTE);

    assertThat(schedule.inject()).isEqualTo(Duration.ofSeconds(20));
    assertThat(schedule.lift()).isEqualTo(Duration.ofSeconds(40));
    assertThat(schedule.length()).isEqualTo(MINUTE);
  }

  @Test
  void growsThePhaseToHoldTheProviderFailingForAFullMinute() {
    PhaseSchedule schedule = PhaseSchedule.of(new ProviderOutage(6), MINUTE);

    // Issue 14: slow, then 500 "for a minute": not the 20 s middle third of a 1-minute phase.
    assertThat(ProviderOutage.FAILING_FOR).isEqualTo(MINUTE);
    assertThat(schedule.window()).isEqualTo(ProviderOutage.SLOW_FOR.plus(MINUTE));
    assertThat(schedule.inject()).isEqualTo(Duration.ofSeconds(20));
    assertThat(schedule.length())
        .isEqualTo(Duration.ofSeconds(20).plus(schedule.window()).plusSeconds(20));
  }

  @Test
  void keepsTheProviderWindowWhenTheDefaultPhaseIsLonger() {
    PhaseSchedule schedule = PhaseSchedule.of(new ProviderOutage(6), MINUTE.multipliedBy(6));

    assertThat(schedule.window()).isEqualTo(ProviderOutage.SLOW_FOR.plus(MINUTE));
    assertThat(schedule.inject()).isEqualTo(Duration.ofMinutes(2));
  }
}
