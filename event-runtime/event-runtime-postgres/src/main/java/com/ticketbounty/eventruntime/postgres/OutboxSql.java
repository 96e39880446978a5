package com.ticketbounty.eventruntime.postgres;

/**
 * The one statement that writes an outbox row, for the JDBC writer and for adapters that write
 * through another driver (the Spring starter's R2DBC publisher). Parameters, in order: event id
 * (uuid), event name, aggregate key, body (JSON text), headers (JSON text).
 *
 * <p>An event id the outbox already holds names the same event, already on its way: it is not
 * written again. That is what makes a step re-executed after a replay (whose {@code sendEvent} ids
 * are derived from the run and step) send nothing twice.
 */
public final class OutboxSql {
  private static final String INSERT =
      "INSERT INTO event_runtime.outbox (event_id, event_name, aggregate_key, body, headers)"
          + " VALUES (%s, %s, %s, %s, CAST(%s AS jsonb)) ON CONFLICT (event_id) DO NOTHING";

  /** With JDBC's {@code ?} placeholders. */
  public static final String INSERT_JDBC = INSERT.formatted("?", "?", "?", "?", "?");

  /** With PostgreSQL's numbered placeholders {@code $1 … $5} (R2DBC). */
  public static final String INSERT_NUMBERED = INSERT.formatted("$1", "$2", "$3", "$4", "$5");

  private OutboxSql() {}
}
