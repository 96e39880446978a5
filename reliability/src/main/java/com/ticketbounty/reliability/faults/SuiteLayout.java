package com.ticketbounty.reliability.faults;

import java.util.Map;
import java.util.Set;

/**
 * How the suite lays the system out.
 *
 * @param replicas how many instances of every service (and of the gateway) run, each set on ports
 *     of its own and sharing the databases and the broker, as two hosts behind a load balancer
 *     would
 * @param ownPostgresDatabases the databases that live on the PostgreSQL of the suite's own; the
 *     others on the machine's
 * @param postgresSettings server settings of the suite's own PostgreSQL, over the embedded server's
 *     fast defaults
 * @param environment settings given to every service on top of what run.sh gives it
 */
record SuiteLayout(
    int replicas,
    Set<String> ownPostgresDatabases,
    Map<String, String> postgresSettings,
    Map<String, String> environment) {
  /**
   * Commits are durable as on a production server: fault 4 kills this PostgreSQL with {@code -9},
   * and a commit acknowledged before its WAL reached the disk would be lost by design, not by a
   * bug.
   */
  static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on");

  /** The fault suite's: one of each; notification-service's database on the suite's PostgreSQL. */
  static final SuiteLayout FAULTS = new SuiteLayout(1, Set.of("notification"), DURABLE, Map.of());

  SuiteLayout {
    if (replicas < 1) {
      throw new IllegalArgumentException("at least one replica; got " + replicas);
    }
    ownPostgresDatabases = Set.copyOf(ownPostgresDatabases);
    postgresSettings = Map.copyOf(postgresSettings);
    environment = Map.copyOf(environment);
  }
}
