package com.ticketbounty.eventruntime.postgres;

/** The statements of a claim; {@link RunClaims} says how they fit together. */
final class ClaimSql {
  /**
   * Due runs of the limited functions, oldest due first, row-locked with {@code SKIP LOCKED},
   * leaving out the runs of keys already at their limit by a plain count of live leases (bounded by
   * the running runs), so that a key at its limit neither fills the batch nor starves other keys;
   * that count is only a filter, the exact one is taken later under the key's lock. A key with some
   * room may still fill one batch; the next claim finds it full and passes it by.
   *
   * <p>The two kinds of due run — unleased and due, leased with an expired lease — are read each
   * from its own partial index in due order and cut at the batch size, so a claim reads about its
   * batch whatever the backlog (no ranking of every due run). The due condition is repeated on the
   * locked row itself so that a row another claimer leased and committed meanwhile is re-checked on
   * its new version and dropped. Parameters: limited function ids, their limits, the batch size.
   */
  static final String CANDIDATES =
      """
      WITH limits AS (
        SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int[])) AS l(function_id, lim)),
      full_keys AS (
        SELECT r.function_id, COALESCE(r.concurrency_key, '') AS key
          FROM event_runtime.runs r JOIN limits l ON l.function_id = r.function_id
         WHERE r.status = 'running' AND r.lease_expires_at > now()
         GROUP BY r.function_id, COALESCE(r.concurrency_key, ''), l.lim
        HAVING count(*) >= l.lim),
      batch AS (SELECT CAST(? AS int) AS size),
      due AS (
        SELECT r.id, r.function_id, COALESCE(r.concurrency_key, '') AS key, r.due_at
          FROM event_runtime.runs r
         WHERE r.status IN ('queued', 'sleeping', 'waiting') AND r.due_at <= now()
           AND r.function_id IN (SELECT function_id FROM limits)
           AND NOT EXISTS (SELECT 1 FROM full_keys f WHERE f.function_id = r.function_id
                              AND f.key = COALESCE(r.concurrency_key, ''))
         ORDER BY r.due_at
         LIMIT (SELECT size FROM batch)
           FOR NO KEY UPDATE OF r SKIP LOCKED),
      expired AS (
        SELECT r.id, r.function_id, COALESCE(r.concurrency_key, '') AS key,
               r.lease_expires_at AS due_at
          FROM event_runtime.runs r
         WHERE r.status = 'running' AND r.lease_expires_at <= now()
           AND r.function_id IN (SELECT function_id FROM limits)
           AND NOT EXISTS (SELECT 1 FROM full_keys f WHERE f.function_id = r.function_id
                              AND f.key = COALESCE(r.concurrency_key, ''))
         ORDER BY r.lease_expires_at
         LIMIT (SELECT size FROM batch)
           FOR NO KEY UPDATE OF r SKIP LOCKED)
      SELECT * FROM due UNION ALL SELECT * FROM expired
      """;

  /** The due and the expired runs of the unlimited functions, as {@link #UNLIMITED} reads them. */
  private static final String UNLIMITED_DUE =
      """
      functions AS (SELECT unnest(CAST(? AS text[])) AS function_id),
      batch AS (SELECT CAST(? AS int) AS size),
      due AS (
        SELECT r.id, r.function_id, COALESCE(r.concurrency_key, '') AS key, r.due_at
          FROM event_runtime.runs r
         WHERE r.status IN ('queued', 'sleeping', 'waiting') AND r.due_at <= now()
           AND r.function_id IN (SELECT function_id FROM functions)
         ORDER BY r.due_at
         LIMIT (SELECT size FROM batch)
           FOR NO KEY UPDATE OF r SKIP LOCKED),
      expired AS (
        SELECT r.id, r.function_id, COALESCE(r.concurrency_key, '') AS key,
               r.lease_expires_at AS due_at
          FROM event_runtime.runs r
         WHERE r.status = 'running' AND r.lease_expires_at <= now()
           AND r.function_id IN (SELECT function_id FROM functions)
         ORDER BY r.lease_expires_at
         LIMIT (SELECT size FROM batch)
           FOR NO KEY UPDATE OF r SKIP LOCKED)""";

  /**
   * Due runs of the known functions without a limit, oldest due first, row-locked with {@code SKIP
   * LOCKED}, read as in {@link #CANDIDATES} from the two partial indexes and cut at the batch size.
   * Runs of a function this instance does not know are not its to claim. Parameters: unlimited
   * known function ids, the batch size.
   */
  static final String UNLIMITED =
      """
      WITH %s
      SELECT * FROM due UNION ALL SELECT * FROM expired
      """
          .formatted(ClaimSql.UNLIMITED_DUE);

  /**
   * A claim of unlimited functions only, as one statement: the due runs of {@link #UNLIMITED},
   * oldest due first and cut at the batch size, leased as {@link #LEASE} does. The rows it locks
   * are the rows it updates, so in auto-commit the lock lasts exactly as long as the claim. The
   * chosen ids are handed to the update as an array, so it finds each row by its key (a join lets
   * the planner scan the whole table). Parameters: function ids, the batch size, owner, lease
   * length in microseconds.
   */
  static final String CLAIM_UNLIMITED =
      """
      WITH %s,
      chosen AS (
        SELECT c.id AS chosen_id
          FROM (SELECT id, due_at FROM due UNION ALL SELECT id, due_at FROM expired) c
         ORDER BY c.due_at
         LIMIT (SELECT size FROM batch))
      UPDATE event_runtime.runs r SET status = 'running', lease_owner = ?, attempt = r.attempt + 1,
             takeovers = r.takeovers + CASE WHEN r.status = 'running' THEN 1 ELSE 0 END,
             lease_expires_at = now() + ? * interval '1 microsecond',
             started_at = COALESCE(r.started_at, now()), ended_at = NULL
       WHERE r.id = ANY(ARRAY(SELECT chosen_id FROM chosen))
      RETURNING %s
      """
          .formatted(UNLIMITED_DUE, RunRows.COLUMNS);

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
