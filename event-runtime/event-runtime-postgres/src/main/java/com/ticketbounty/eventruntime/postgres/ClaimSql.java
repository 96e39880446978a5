package com.ticketbounty.eventruntime.postgres;

/** The statements of a claim; {@link RunClaims} says how they fit together. */
final class ClaimSql {
  /**
   * Due runs, oldest due first, row-locked with {@code SKIP LOCKED}. Per limited (function, key) it
   * offers no more runs than the key has free slots by a plain count, so a key at its limit does
   * not fill the batch and starve other keys; that count is only a filter, the exact one is taken
   * later under the key's lock. The due condition is repeated on the locked row itself so that a
   * row another claimer leased and committed meanwhile is re-checked on its new version and
   * dropped. Only limited functions' runs: the window over every due run of a key is what the limit
   * needs, and computing it for unlimited functions' backlog would make each claim cost as much as
   * all due runs ({@link #UNLIMITED} takes those from the due index instead). Parameters: limited
   * function ids, their limits, the batch size.
   */
  static final String CANDIDATES =
      """
      WITH limits AS (
        SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int[])) AS l(function_id, lim)),
      live AS (
        SELECT r.function_id, COALESCE(r.concurrency_key, '') AS key, count(*) AS n
          FROM event_runtime.runs r JOIN limits l ON l.function_id = r.function_id
         WHERE r.status = 'running' AND r.lease_expires_at > now()
         GROUP BY 1, 2),
      due AS (
        SELECT r.id, r.due_at, l.lim - COALESCE(v.n, 0) AS free,
               row_number() OVER (PARTITION BY r.function_id, COALESCE(r.concurrency_key, '')
                                  ORDER BY r.due_at, r.id) AS place
          FROM event_runtime.runs r
          JOIN limits l ON l.function_id = r.function_id
          LEFT JOIN live v
                 ON v.function_id = r.function_id AND v.key = COALESCE(r.concurrency_key, '')
         WHERE (r.status IN ('queued', 'sleeping', 'waiting') AND r.due_at <= now())
            OR (r.status = 'running' AND r.lease_expires_at <= now()))
      SELECT r.id, r.function_id, COALESCE(r.concurrency_key, '') AS key, r.due_at
        FROM event_runtime.runs r JOIN due d ON d.id = r.id
       WHERE (d.free IS NULL OR d.place <= d.free)
         AND ((r.status IN ('queued', 'sleeping', 'waiting') AND r.due_at <= now())
              OR (r.status = 'running' AND r.lease_expires_at <= now()))
       ORDER BY d.due_at, r.id
       LIMIT ?
         FOR NO KEY UPDATE OF r SKIP LOCKED
      """;

  /**
   * Due runs of the known functions without a limit, oldest due first, row-locked with {@code SKIP
   * LOCKED}, the due condition re-checked on the locked row as in {@link #CANDIDATES}. Runs of a
   * function this instance does not know are not its to claim. Parameters: unlimited known function
   * ids, the batch size.
   */
  static final String UNLIMITED =
      """
      SELECT r.id, r.function_id, COALESCE(r.concurrency_key, '') AS key, r.due_at
        FROM event_runtime.runs r
       WHERE r.function_id = ANY (CAST(? AS text[]))
         AND ((r.status IN ('queued', 'sleeping', 'waiting') AND r.due_at <= now())
              OR (r.status = 'running' AND r.lease_expires_at <= now()))
       ORDER BY r.due_at, r.id
       LIMIT ?
         FOR NO KEY UPDATE OF r SKIP LOCKED
      """;

  /**
   * The key's lock for this transaction, or false at once when another claim holds it. Two int4
   * hashes: a collision only makes two keys share a lock, which costs a skipped round, never a
   * slot.
   */
  static final String LOCK_KEY = "SELECT pg_try_advisory_xact_lock(hashtext(?), hashtext(?))";

  /** Live leases of one (function, key), read in a fresh snapshot after its lock was taken. */
  static final String LIVE =
      """
      SELECT count(*) FROM event_runtime.runs
       WHERE function_id = ? AND COALESCE(concurrency_key, '') = ?
         AND status = 'running' AND lease_expires_at > now()
      """;

  /**
   * Leases the chosen runs, each under a new attempt number. Parameters: owner, lease length in
   * microseconds, run ids. A run still {@code running} here had its lease expire mid-attempt: that
   * counts as a takeover ({@code SET} reads the row as it was before the update).
   */
  static final String LEASE =
      "UPDATE event_runtime.runs SET status = 'running', lease_owner = ?, attempt = attempt + 1,"
          + " takeovers = takeovers + CASE WHEN status = 'running' THEN 1 ELSE 0 END,"
          + " lease_expires_at = now() + ? * interval '1 microsecond',"
          + " started_at = COALESCE(started_at, now()), ended_at = NULL"
          + " WHERE id = ANY(?) RETURNING "
          + RunRows.COLUMNS;

  private ClaimSql() {}
}
