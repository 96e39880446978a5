package com.ticketbounty.eventruntime.postgres;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated database for a scenario test class on PostgreSQL (created before its tests, dropped
 * after them), and a {@link PostgresEngineDriver} on it, emptied, for each test.
 */
final class PostgresEngineDrivers implements BeforeAllCallback, AfterAllCallback {
  private final String purpose;
  private MigratedDatabase database;

  PostgresEngineDrivers(String purpose) {
    this.purpose = purpose;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    database = MigratedDatabase.create(purpose, 10);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    database.close();
  }

  EngineDriver newDriver() {
    return new PostgresEngineDriver(database.dataSource());
  }
}
