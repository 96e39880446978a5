package com.ticketbounty.serviceweb;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates service-web's tables, in schema {@code service_web} with their own Flyway history, so
 * they upgrade with this library whatever the service's own migrations are. Beans that use the
 * tables depend on this one.
 */
public final class ServiceWebSchema {
  public static final String SCHEMA = "service_web";

  public ServiceWebSchema(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/service-web")
        // A schema of its own, as event-runtime has: the service's own Flyway history and tables in
        // the public schema never meet these, whichever migrates first.
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .table("flyway_schema_history")
        .load()
        .migrate();
  }
}
