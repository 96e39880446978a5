package com.ticketbounty.identity.adapter.out.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * Migration V6: {@code signing_keys.jwk}, which held each key pair in clear, becomes {@code
 * sealed_jwk} (sealed with the current key-encryption key) and {@code kek_id}. A Java migration,
 * registered as a bean so that Flyway runs it in order with the SQL ones and before the key ring
 * loads: sealing needs the key-encryption key from the configuration. One transaction: a failure
 * leaves the table as it was.
 *
 * <p>Each row's clear column is set to null before the column is dropped, so no live row version
 * holds it; the dead versions PostgreSQL keeps until vacuum, and backups taken before, still do
 * (the runbook says what to do about them).
 */
public final class SealSigningKeysAtRest implements JavaMigration {
  private final KeyEncryptionKeys keyEncryptionKeys;

  public SealSigningKeysAtRest(KeyEncryptionKeys keyEncryptionKeys) {
    this.keyEncryptionKeys = keyEncryptionKeys;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("6");
  }

  @Override
  public String getDescription() {
    return "seal signing keys at rest";
  }

  @Override
  public @Nullable Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    execute(
        connection,
        "ALTER TABLE signing_keys ADD COLUMN kek_id text, ADD COLUMN sealed_jwk text,"
            + " ALTER COLUMN jwk DROP NOT NULL");
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT kid, jwk FROM signing_keys ORDER BY kid");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE signing_keys SET kek_id = ?, sealed_jwk = ?, jwk = NULL WHERE kid = ?")) {
      while (rows.next()) {
        String kid = rows.getString("kid");
        KeyEncryptionKeys.Sealed sealed = keyEncryptionKeys.seal(kid, rows.getString("jwk"));
        update.setString(1, sealed.kekId());
        update.setString(2, sealed.jwe());
        update.setString(3, kid);
        update.executeUpdate();
      }
    }
    execute(
        connection,
        "ALTER TABLE signing_keys DROP COLUMN jwk, ALTER COLUMN kek_id SET NOT NULL,"
            + " ALTER COLUMN sealed_jwk SET NOT NULL");
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
