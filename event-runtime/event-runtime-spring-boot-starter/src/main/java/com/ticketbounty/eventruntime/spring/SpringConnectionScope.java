package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.postgres.ConnectionScope;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Binds the inbox's connection as Spring's current connection of the service's {@link DataSource}
 * while a subscription's handler runs: a {@code JdbcClient} or {@code JdbcTemplate} on that data
 * source then writes on it, so the handler's work and the inbox row commit together, and the
 * handler never waits for a second connection from a pool the inbox already draws on.
 */
public final class SpringConnectionScope implements ConnectionScope {
  private final DataSource dataSource;

  public SpringConnectionScope(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Bound bind(Connection connection) {
    if (TransactionSynchronizationManager.hasResource(dataSource)) {
      return () -> {}; // the thread is already in a Spring transaction on this data source
    }
    TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
    return () -> TransactionSynchronizationManager.unbindResource(dataSource);
  }
}
