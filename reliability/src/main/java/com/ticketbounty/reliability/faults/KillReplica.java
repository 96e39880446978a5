package com.ticketbounty.reliability.faults;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * {@code kill -9} of the second replica of every service at once — its gateway, identity, ticket,
 * comment, notification and admin-digest services — as a host that dies, at a moment it holds
 * durable-function runs, then a start of all of them again two thirds into the phase, as an
 * orchestrator would replace the host.
 *
 * <p>To be sure the dead replica held runs that the other must resume, and that both replicas ran
 * one owner's runs at once against the function's concurrency limit, it first opens a burst of
 * tickets for one owner whose e-mails the provider holds (so each run stays on its send for that
 * long), and kills when notification-service's runs of that owner are leased by both replicas.
 */
final class KillReplica implements Fault {
  /** How long the provider holds each of the burst owner's e-mails: a run is mid-send that long. */
  static final Duration HOLD = Duration.ofSeconds(3);

  private static final Duration BOTH_HOLD_LIMIT = Duration.ofMinutes(2);
  private static final int REPLICA = 1; // the second replica, by index

  private final Frontend frontend;
  private final Load.Account owner;
  private final String burstTag;
  private final int burst;
  private final Set<String> burstTickets = ConcurrentHashMap.newKeySet();
  private volatile @Nullable Instant killedAt;
  private volatile boolean bothHeldTheOwnersRuns;

  /** {@code burstTag} starts the burst tickets' titles, as a phase's tag starts its load's. */
  KillReplica(Frontend frontend, Load.Account owner, String burstTag, int burst) {
    this.frontend = frontend;
    this.owner = owner;
    this.burstTag = burstTag;
    this.burst = burst;
  }

  @Override
  public int number() {
    return 8;
  }

  @Override
  public String description() {
    return "kill -9 of the second replica of every service (a host lost), later started again";
  }

  @Override
  public void inject(SuiteSystem system, Duration window) throws Exception {
    List<CompletableFuture<Void>> tickets =
        IntStream.range(0, burst)
            .mapToObj(
                i ->
                    frontend
                        .openTicket(owner.accessToken(), "%s %d".formatted(burstTag, i), false)
                        .thenAccept(
                            answer -> {
                              if (answer.status() == 201) {
                                burstTickets.add(answer.text("/id"));
                              }
                            }))
            .toList();
    CompletableFuture.allOf(tickets.toArray(CompletableFuture[]::new)).join();
    long deadline = System.nanoTime() + BOTH_HOLD_LIMIT.toNanos();
    Set<String> holders = leaseOwners(system);
    while (holders.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      holders = leaseOwners(system);
    }
    bothHeldTheOwnersRuns = holders.size() >= 2;
    FaultPhase.say(
        "replica 2 of every service: kill -9 now; the burst owner's runs are leased by %s",
        holders);
    killedAt = Instant.now();
    for (String service : SuiteSystem.DATABASE_OF.keySet()) {
      system.replicas(service).get(REPLICA).kill();
    }
  }

  @Override
  public void lift(SuiteSystem system) throws IOException {
    for (String service : SuiteSystem.DATABASE_OF.keySet()) {
      system.replicas(service).get(REPLICA).start();
    }
  }

  /** When the replica was killed; empty before. */
  @Nullable Instant killedAt() {
    return killedAt;
  }

  /** Whether the burst owner's runs were leased by both replicas at the moment of the kill. */
  boolean bothHeldTheOwnersRuns() {
    return bothHeldTheOwnersRuns;
  }

  String burstTag() {
    return burstTag;
  }

  int burst() {
    return burst;
  }

  /** The burst's tickets answered 201. */
  Set<String> burstTickets() {
    return Set.copyOf(burstTickets);
  }

  /** The replicas leasing the burst owner's ticket-created runs right now. */
  private Set<String> leaseOwners(SuiteSystem system) throws SQLException {
    Set<String> owners = new HashSet<>();
    try (Connection connection = system.database("notification");
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT DISTINCT lease_owner FROM event_runtime.runs WHERE function_id ="
                    + " 'ticket-created' AND concurrency_key = ? AND status = 'running'")) {
      query.setString(1, owner.id());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          owners.add(rows.getString(1));
        }
      }
    }
    return owners;
  }
}
