package com.ticketbounty.reliability.soak;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a soak measured: its samples, the requests of each operation (sent, answered 2xx, failed),
 * those still unanswered when the drain ended, the first failures word for word, the token
 * refreshes it made, and the settings of the PostgreSQL the databases ran on.
 */
public record SoakResult(
    Instant startedAt,
    SoakOptions options,
    SampleTable samples,
    Map<Operation, RequestCounts> requests,
    long unanswered,
    List<String> firstFailures,
    long refreshes,
    long failedRefreshes,
    Map<String, String> postgresSettings,
    String brokerVersion) {

  public long failed() {
    return requests.values().stream().mapToLong(RequestCounts::failed).sum();
  }

  public long sent() {
    return requests.values().stream().mapToLong(RequestCounts::sent).sum();
  }

  public long answered() {
    return requests.values().stream().mapToLong(RequestCounts::answered).sum();
  }
}
