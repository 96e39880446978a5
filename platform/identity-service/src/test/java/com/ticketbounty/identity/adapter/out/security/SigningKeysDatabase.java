package com.ticketbounty.identity.adapter.out.security;

import com.ticketbounty.identity.adapter.out.persistence.R2dbcSigningKeyStore;
import com.ticketbounty.testsupport.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * identity's schema migrated on a test database (with the migration that seals keys at rest under
 * {@code keys}), and the R2DBC access the key ring's tests need, as the service's own role.
 */
record SigningKeysDatabase(ConnectionFactory connections, DatabaseClient client) {

  static SigningKeysDatabase migrated(TestDatabase database, KeyEncryptionKeys keys) {
    Flyway.configure()
        .dataSource(database.dataSource())
        .javaMigrations(new SealSigningKeysAtRest(keys))
        .load()
        .migrate();
    ConnectionFactory connections =
        ConnectionFactories.get(
            database
                .r2dbcUrl()
                .replace("r2dbc:postgresql://", "r2dbc:postgresql://" + database.user() + "@"));
    return new SigningKeysDatabase(connections, DatabaseClient.create(connections));
  }

  R2dbcSigningKeyStore store() {
    return new R2dbcSigningKeyStore(client);
  }

  TransactionalOperator transactions() {
    return TransactionalOperator.create(new R2dbcTransactionManager(connections));
  }
}
