package com.ticketbounty.bench.scenario;

import java.util.List;

/** Every scenario, in the order a run takes them. */
public final class Scenarios {
  private Scenarios() {}

  public static List<Scenario> all() {
    return List.of(
        new ThreeStepFunction(),
        new PerStepOverhead(),
        new PublishPath(),
        new ProviderCalls(),
        new ThroughTheGateway(),
        new StartupAndMemory());
  }

  /** The scenarios that need only the machine's PostgreSQL and RabbitMQ. */
  public static List<Scenario> onTheServers() {
    return all().stream().filter(scenario -> !scenario.measuresTheSystem()).toList();
  }
}
