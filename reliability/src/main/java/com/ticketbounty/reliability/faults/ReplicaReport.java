package com.ticketbounty.reliability.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link ReplicaRun} counted, and its section of docs/scaling.md.
 *
 * @param row the phase's reconciliation, as a row of the fault suite's table
 * @param bothHeld whether the burst owner's runs were leased by both replicas when one was killed
 * @param resumed notification-service's runs resumed after their lease expired, since the kill
 * @param burst the burst's confirmations reconciled against the provider
 * @param mostAtOnce the most of the burst owner's e-mails the provider was handling at once
 * @param ticks the cron function's ticks since the first replica was up
 * @param drained poison messages published with both replicas up, as dead letters
 * @param mostConnections the most client connections PostgreSQL had open at once
 * @param pools each process's configured most connections (JDBC pool as logged, plus R2DBC)
 */
record ReplicaReport(
    Instant at,
    Duration length,
    double rate,
    Duration lease,
    FaultRow row,
    Instant killedAt,
    boolean bothHeld,
    Resumed resumed,
    Reconciliation burst,
    int burstSize,
    int mostAtOnce,
    int limit,
    CronTicks ticks,
    DrainedPoison drained,
    int mostConnections,
    int maxConnections,
    Map<String, Integer> pools) {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Runs resumed by the surviving replica after the dead one's leases expired. */
  record Resumed(int runs, int completed) {}

  int configuredConnections() {
    return pools.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Everything the run must show held. */
  boolean holds() {
    return row.clean()
        && burst.holds()
        && bothHeld
        && resumed.runs() > 0
        && resumed.completed() == resumed.runs()
        && mostAtOnce >= 2
        && mostAtOnce <= limit
        && ticks.everyTickOnce()
        && ticks.since(killedAt) > 0
        && drained.holds()
        && configuredConnections() <= maxConnections;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(
        "Run of %s by `./replicas.sh` (`ReplicaRun`): **%s**.%n%n"
            .formatted(
                at.truncatedTo(ChronoUnit.SECONDS),
                holds() ? "everything held" : "NOT everything held"));
    out.append(
        ("- layout: two replicas of each of the gateway, identity, ticket, comment, notification and"
                + " admin-digest services, each set on ports of its own, its gateway calling its own"
                + " services; one PostgreSQL (embedded 14, fsync and synchronous_commit on,"
                + " max_connections %d) holds every service's database; the machine's RabbitMQ; run"
                + " leases of %s; admin-digest's cron `* * * * *` on both%n")
            .formatted(maxConnections, seconds(lease)));
    out.append(
        ("- load: %.0f requests/s for %s through both gateways, alternating (a call a gateway"
                + " refuses to connect to goes to the other, as a load balancer's passive check"
                + " would; a call cut off after it was sent is not repeated)%n")
            .formatted(rate, minutes(length)));
    out.append(
        ("- kill: at %s every process of the second replica got SIGKILL while the burst owner's"
                + " runs were leased by %s; the second replica was started again two thirds in%n%n")
            .formatted(CLOCK.format(killedAt), bothHeld ? "both replicas" : "ONE replica only"));
    out.append(FaultTable.markdown(List.of(row), "")).append('\n');
    out.append("| what | counted | must be |\n|---|---|---|\n");
    out.append(
        "| runs the survivor resumed after the dead replica's leases expired | %d, %d completed | > 0, all completed |%n"
            .formatted(resumed.runs(), resumed.completed()));
    out.append(
        "| burst: %d tickets of one owner, confirmations | %d expected, %d lost, %d duplicated | 0 lost, 0 duplicated |%n"
            .formatted(burstSize, burst.expected(), burst.lost(), burst.duplicated()));
    out.append(
        "| the burst owner's e-mails in flight at once, across both replicas (counted at the provider, each held %s) | %d | 2..%d (the limit) |%n"
            .formatted(seconds(KillReplica.HOLD), mostAtOnce, limit));
    out.append(
        "| cron ticks, every minute %s–%s | %d minutes: %d once each, %d missed, %d extra runs; %d after the kill | every minute once |%n"
            .formatted(
                ticks.ticks().isEmpty() ? "-" : CLOCK.format(ticks.ticks().getFirst().at()),
                ticks.ticks().isEmpty() ? "-" : CLOCK.format(ticks.ticks().getLast().at()),
                ticks.ticks().size(),
                ticks.ticks().stream().filter(CronTicks.Tick::once).count(),
                ticks.missed(),
                ticks.extraRuns(),
                ticks.since(killedAt)));
    out.append(
        "| %d poison messages with both replicas draining the dead-letter queues | %d dead letters in %d queues; %d poison messages not dead-lettered, %d kept twice | each dead-lettered with its reason, once per queue |%n"
            .formatted(
                drained.poison().size(),
                drained.deadLetters().size(),
                drained.queues(),
                drained.missing().size(),
                drained.twice()));
    out.append(
        "| PostgreSQL connections: the pools' most (both replicas) / most open at once / max_connections | %d / %d / %d | pools ≤ max_connections |%n"
            .formatted(configuredConnections(), mostConnections, maxConnections));
    out.append('\n')
        .append("Pools by process (JDBC as logged at start, plus R2DBC's `max-size`): ")
        .append(
            pools.entrySet().stream()
                .map(pool -> "%s %d".formatted(pool.getKey(), pool.getValue()))
                .collect(Collectors.joining(", ")))
        .append(".\n");
    return out.toString();
  }

  private static String seconds(Duration duration) {
    return "%d s".formatted(duration.toSeconds());
  }

  private static String minutes(Duration duration) {
    return "%.1f min".formatted(duration.toMillis() / 60_000.0);
  }
}
