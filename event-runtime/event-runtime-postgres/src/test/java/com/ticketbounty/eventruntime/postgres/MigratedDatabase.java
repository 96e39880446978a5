package com.ticketbounty.eventruntime.postgres;

import com.ticketbounty.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** A fresh test database with the runtime's schema, behind a small connection pool. */
final class MigratedDatabase implements AutoCloseable {
  private final TestDatabase database;
  private final HikariDataSource dataSource;

  private MigratedDatabase(TestDatabase database, int connections) {
    this.database = database;
    HikariConfig config = new HikariConfig();
    config.setDataSource(database.dataSource());
    config.setMaximumPoolSize(connections);
    this.dataSource = new HikariDataSource(config);
    RuntimeSchema.migrate(dataSource);
  }

  static MigratedDatabase create(String purpose, int connections) {
    return new MigratedDatabase(TestDatabase.create(purpose), connections);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** Closes the pool, then drops the database. */
  @Override
  public void close() {
    dataSource.close();
    database.close();
  }
}
