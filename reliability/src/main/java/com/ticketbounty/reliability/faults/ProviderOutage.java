package com.ticketbounty.reliability.faults;

import java.time.Duration;

/**
 * The e-mail provider slow ({@link RecordingProvider#SLOW} per answer) for the first third of the
 * fault, then answering 500 for the rest, then healthy: notification-service must hold the e-mails
 * back and send each once when the provider is back ({@code notification.provider-steps}).
 */
record ProviderOutage(int number) implements Fault {
  @Override
  public String description() {
    return "e-mail provider slow (2 s), then 500, then healthy";
  }

  @Override
  public void inject(SuiteSystem system, Duration window) {
    RecordingProvider provider = system.provider();
    provider.switchTo(RecordingProvider.Mode.SLOW);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(window.dividedBy(3));
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
