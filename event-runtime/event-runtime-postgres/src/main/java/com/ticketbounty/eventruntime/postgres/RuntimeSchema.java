package com.ticketbounty.eventruntime.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the schema {@code event_runtime}. The runtime keeps its own Flyway history table there,
 * so its versions never mix with the service's own migrations and both can evolve independently.
 */
public final class RuntimeSchema {
  public static final String SCHEMA = "event_runtime";

  private RuntimeSchema() {}

  /** Applies pending migrations; safe to call from several instances at once (Flyway locks). */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .table("flyway_schema_history")
        .locations("classpath:db/event-runtime")
        .load()
        .migrate();
  }
}
