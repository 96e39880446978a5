package com.ticketbounty.serviceweb;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates service-web's tables with their own Flyway history, so they upgrade with this library
 * whatever the service's own migrations are. Beans that use the tables depend on this one.
 */
public final class ServiceWebSchema {
  public ServiceWebSchema(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/service-web")
        .table("service_web_schema_history")
        // The service's own tables may already be there: start this history from nothing.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
