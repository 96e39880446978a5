package com.ticketbounty.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Creates the services' databases on a server, leaving existing ones (and their data) alone. */
public final class Databases {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Databases() {}

  /**
   * @return the databases that were created (those that already existed are not listed)
   */
  public static List<String> ensure(
      String host, int port, String user, String password, List<String> names) throws SQLException {
    List<String> created = new ArrayList<>();
    String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      for (String name : names) {
        if (!NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("not a plain database name: " + name);
        }
        if (!exists(connection, name)) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
          }
          created.add(name);
        }
      }
    }
    return created;
  }

  private static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
