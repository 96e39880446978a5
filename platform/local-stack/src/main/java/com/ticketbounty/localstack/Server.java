package com.ticketbounty.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL server and the administrator that sets it up (the superuser on a development
 * machine). Only the set-up connects as this user; the services connect as their own roles.
 */
public record Server(String host, int port, String adminUser, String adminPassword) {

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), adminUser, adminPassword);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
  }

  @Override
  public String toString() {
    return "%s@%s:%d".formatted(adminUser, host, port); // never the password
  }
}
