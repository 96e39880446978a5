package com.ticketbounty.notification.adapter.out.persistence;

import com.ticketbounty.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A fresh database of the machine's PostgreSQL with the service's migrations applied. */
final class MigratedDatabase {
  private MigratedDatabase() {}

  static TestDatabase create(String purpose) {
    TestDatabase database = TestDatabase.create(purpose);
    DataSource dataSource = database.dataSource();
    Flyway.configure().dataSource(dataSource).load().migrate();
    return database;
  }
}
