package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.postgres.OutboxWriter;
import com.ticketbounty.eventruntime.postgres.RuntimeSchema;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import com.ticketbounty.testsupport.TcpProxy;
import com.ticketbounty.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh PostgreSQL database with the runtime's schema, for the end-to-end tests. */
final class OutboxDatabase implements AutoCloseable {
  private final TestDatabase database;
  private final HikariDataSource dataSource;
  private final OutboxWriter writer = new OutboxWriter();

  OutboxDatabase(String purpose) {
    database = TestDatabase.create(purpose);
    HikariConfig config = new HikariConfig();
    config.setDataSource(database.dataSource());
    config.setMaximumPoolSize(5);
    dataSource = new HikariDataSource(config);
    RuntimeSchema.migrate(dataSource);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** A proxy in front of the database's server, for cutting it off. */
  TcpProxy proxy() {
    return TcpProxy.to(database.host(), database.port());
  }

  /**
   * The same database reached through {@code proxy}, one connection a call (no pool to go stale).
   */
  DataSource dataSourceThrough(TcpProxy proxy) {
    PGSimpleDataSource direct = new PGSimpleDataSource();
    direct.setUrl(
        "jdbc:postgresql://%s:%d/%s".formatted(proxy.host(), proxy.port(), database.name()));
    direct.setUser(database.user());
    direct.setPassword(database.password());
    return direct;
  }

  /** Commits one outbox row, as a producer's transaction would. */
  void write(OutboxMessage message) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      writer.write(connection, message);
      connection.commit();
    }
  }

  long count(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  long unsent() throws SQLException {
    return count("SELECT count(*) FROM event_runtime.outbox WHERE published_at IS NULL");
  }

  @Override
  public void close() {
    dataSource.close();
    database.close();
  }
}
