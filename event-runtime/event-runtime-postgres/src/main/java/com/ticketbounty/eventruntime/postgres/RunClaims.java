package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.eventruntime.spi.Claim;
import com.ticketbounty.eventruntime.spi.RunRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Leases due runs, honouring concurrency limits across every instance sharing the database.
 *
 * <p>Row locks alone cannot enforce a limit: two claimers counting a key's live leases at once both
 * see a free slot, then lease different rows (SKIP LOCKED hands them disjoint rows) and the key
 * goes over its limit. So, in one transaction: (1) lock candidate rows with {@code SKIP LOCKED}, at
 * most the key's apparent free slots per key; (2) for each limited key among them take a
 * transaction-scoped advisory lock with {@code pg_try_advisory_xact_lock} — a key another claimer
 * is leasing right now is skipped this round instead of waited for, so a busy key never blocks
 * other keys and no claim ever waits on another; (3) under that lock count the key's live leases
 * again in a fresh snapshot — every claimer that leased this key before committed before releasing
 * the lock, so the count is exact — and lease only what fits; (4) lease the chosen rows. The lock
 * is released at commit, after the new leases are visible.
 *
 * <p>Only claims create live leases (renewals extend them, everything else ends them), so counting
 * under the key lock at claim time bounds the live leases of a key at all times.
 *
 * <p>A claim that names no limited function has no key to count: it locks and leases in one
 * statement ({@link ClaimSql#CLAIM_UNLIMITED}), in auto-commit, one round trip.
 */
final class RunClaims {
  private final DataSource dataSource;

  RunClaims(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  List<RunRecord> claim(Claim claim) {
    if (claim.limits().isEmpty()) {
      // No key to count: one statement locks and leases, in auto-commit — one round trip.
      return Jdbc.autoCommit(dataSource, "claim", connection -> leaseUnlimited(connection, claim));
    }
    return Jdbc.transaction(
        dataSource,
        "claim",
        connection -> {
          Map<Group, List<UUID>> candidates = candidates(connection, claim);
          List<UUID> chosen = new ArrayList<>();
          for (Map.Entry<Group, List<UUID>> group : candidates.entrySet()) {
            chosen.addAll(admit(connection, claim, group.getKey(), group.getValue()));
          }
          return chosen.isEmpty() ? List.<RunRecord>of() : lease(connection, claim, chosen);
        });
  }

  /**
   * Locked due runs, by (function, key) in the order first seen, each group oldest first: the
   * oldest of the limited functions' candidates and the unlimited functions' due runs together.
   */
  private static Map<Group, List<UUID>> candidates(Connection connection, Claim claim)
      throws SQLException {
    List<String> functions = new ArrayList<>(claim.limits().keySet());
    Object[] limits = functions.stream().map(claim.limits()::get).toArray();
    List<Candidate> found = new ArrayList<>();
    Object[] unlimited =
        claim.functions().stream().filter(id -> !claim.limits().containsKey(id)).toArray();
    try (PreparedStatement select = connection.prepareStatement(ClaimSql.UNLIMITED)) {
      select.setArray(1, connection.createArrayOf("text", unlimited));
      select.setInt(2, claim.max());
      read(select, found);
    }
    if (!functions.isEmpty()) {
      try (PreparedStatement select = connection.prepareStatement(ClaimSql.CANDIDATES)) {
        select.setArray(1, connection.createArrayOf("text", functions.toArray()));
        select.setArray(2, connection.createArrayOf("int4", limits));
        select.setInt(3, claim.max());
        read(select, found);
      }
    }
    found.sort(Comparator.comparing(Candidate::dueAt));
    Map<Group, List<UUID>> groups = new LinkedHashMap<>();
    for (Candidate candidate : found.subList(0, Math.min(claim.max(), found.size()))) {
      groups.computeIfAbsent(candidate.group(), g -> new ArrayList<>()).add(candidate.id());
    }
    return groups;
  }

  private static void read(PreparedStatement select, List<Candidate> found) throws SQLException {
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        found.add(
            new Candidate(
                row.getObject("id", UUID.class),
                new Group(row.getString("function_id"), row.getString("key")),
                row.getObject("due_at", OffsetDateTime.class)));
      }
    }
  }

  /** The runs of one group that may be leased: all of an unlimited function's. */
  private static List<UUID> admit(Connection connection, Claim claim, Group group, List<UUID> runs)
      throws SQLException {
    Integer limit = claim.limits().get(group.functionId());
    if (limit == null) {
      return runs;
    }
    if (!tryLock(connection, group)) {
      return List.of();
    }
    int free = limit - live(connection, group);
    return free <= 0 ? List.of() : runs.subList(0, Math.min(free, runs.size()));
  }

  private static boolean tryLock(Connection connection, Group group) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(ClaimSql.LOCK_KEY)) {
      lock.setString(1, group.functionId());
      lock.setString(2, group.key());
      try (ResultSet row = lock.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static int live(Connection connection, Group group) throws SQLException {
    try (PreparedStatement count = connection.prepareStatement(ClaimSql.LIVE)) {
      count.setString(1, group.functionId());
      count.setString(2, group.key());
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private static List<RunRecord> lease(Connection connection, Claim claim, List<UUID> ids)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(ClaimSql.LEASE)) {
      update.setString(1, claim.owner());
      update.setLong(2, Jdbc.micros(claim.leaseFor()));
      update.setArray(3, RunRows.uuids(connection, ids));
      return sorted(RunRows.readAll(update));
    }
  }

  private static List<RunRecord> sorted(List<RunRecord> leased) {
    List<RunRecord> sorted = new ArrayList<>(leased);
    sorted.sort(Comparator.comparing(RunRecord::dueAt).thenComparing(RunRecord::id));
    return sorted;
  }

  private static List<RunRecord> leaseUnlimited(Connection connection, Claim claim)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(ClaimSql.CLAIM_UNLIMITED)) {
      update.setArray(1, connection.createArrayOf("text", claim.functions().toArray()));
      update.setInt(2, claim.max());
      update.setString(3, claim.owner());
      update.setLong(4, Jdbc.micros(claim.leaseFor()));
      return sorted(RunRows.readAll(update));
    }
  }

  /** A locked due run. */
  private record Candidate(UUID id, Group group, OffsetDateTime dueAt) {}

  /** A function's runs sharing one concurrency key (a null key counts as the empty one). */
  private record Group(String functionId, String key) {}
}
