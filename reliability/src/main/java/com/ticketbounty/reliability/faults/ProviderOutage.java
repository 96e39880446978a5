package com.ticketbounty.reliability.faults;

import java.time.Duration;

/**
 * The e-mail provider slow ({@link RecordingProvider#SLOW} per answer) for {@link #SLOW_FOR}, then
 * answering 500 for {@link #FAILING_FOR} (issue 14: "failing (500) for a minute"), then healthy:
 * notification-service must hold the e-mails back and send each once when the provider is back
 * ({@code notification.provider-steps}). Its window is these durations whatever the phase's length,
 * so the phase grows to fit them.
 */
record ProviderOutage(int number) implements Fault {
  static final Duration SLOW_FOR = Duration.ofSeconds(20);
  static final Duration FAILING_FOR = Duration.ofMinutes(1);

  @Override
  public String description() {
    return "e-mail provider slow (%d s per answer) for %d s, then 500 for %d s, then healthy"
        .formatted(
            RecordingProvider.SLOW.toSeconds(), SLOW_FOR.toSeconds(), FAILING_FOR.toSeconds());
  }

  @Override
  public Duration window(Duration phaseWindow) {
    return SLOW_FOR.plus(FAILING_FOR);
  }

  @Override
  public void inject(SuiteSystem system, Duration window) {
    RecordingProvider provider = system.provider();
    provider.switchTo(RecordingProvider.Mode.SLOW);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(SLOW_FOR);
                provider.switchFrom(RecordingProvider.Mode.SLOW, RecordingProvider.Mode.FAILING);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  @Override
  public void lift(SuiteSystem system) {
    system.provider().switchTo(RecordingProvider.Mode.HEALTHY);
  }
}
