package com.ticketbounty.serviceweb.ratelimit;

import com.ticketbounty.serviceweb.ServiceWebSchema;
import com.ticketbounty.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test database with service-web's schema, and connection pools on it as a service has (each
 * instance of a service has a pool of its own).
 */
final class AttemptDatabase implements AutoCloseable {
  private final TestDatabase database;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final HikariDataSource pool;

  private AttemptDatabase(TestDatabase database) {
    this.database = database;
    new ServiceWebSchema(database.dataSource());
    this.pool = newPool();
  }

  static AttemptDatabase create(String purpose) {
    return new AttemptDatabase(TestDatabase.create(purpose));
  }

  /** The pool most tests share. */
  DataSource pool() {
    return pool;
  }

  /** Another pool on the same database, as a second instance of the service would have. */
  synchronized HikariDataSource newPool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.user());
    config.setMaximumPoolSize(3);
    config.setMinimumIdle(1);
    HikariDataSource created = new HikariDataSource(config);
    pools.add(created);
    return created;
  }

  /** The ids of the store's rows. */
  List<String> ids() {
    return JdbcClient.create(pool)
        .sql("SELECT id FROM " + AttemptStore.TABLE)
        .query(String.class)
        .list();
  }

  void empty() {
    JdbcClient.create(pool).sql("TRUNCATE " + AttemptStore.TABLE).update();
  }

  @Override
  public synchronized void close() {
    try {
      pools.forEach(HikariDataSource::close);
    } finally {
      database.close();
    }
  }
}
