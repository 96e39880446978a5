package com.ticketbounty.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a database's role every schema, table, view and sequence in it that someone else owns.
 * Databases made by an older run command were used by the superuser, so their tables (the
 * service's, event-runtime's and service-web's, and the Flyway histories) belong to it; once they
 * belong to the service's role the upgraded service keeps working on its data and can migrate it.
 */
final class Handover {
  private static final String USER_SCHEMAS =
      "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

  /**
   * Schemas first (a table's owner needs no rights on its schema, but the role must be able to
   * create in it), then relations, then the sequences no table took along: a serial or identity
   * sequence follows its table and cannot be given away on its own.
   */
  private static final List<String> QUERIES =
      List.of(
          """
          SELECT 'SCHEMA ' || quote_ident(n.nspname) FROM pg_namespace n
          WHERE %s AND pg_get_userbyid(n.nspowner) NOT IN (?, 'pg_database_owner')"""
              .formatted(USER_SCHEMAS),
          relations("'r', 'p', 'f', 'v', 'm'"),
          relations("'S'"));

  private Handover() {}

  /**
   * @return how many objects changed owner
   */
  static int toRole(Connection database, String role) throws SQLException {
    boolean autoCommit = database.getAutoCommit();
    database.setAutoCommit(false); // all or nothing: a half-handed database is worse than none
    try {
      int count = 0;
      for (String query : QUERIES) {
        for (String object : owedBy(database, query, role)) {
          try (Statement alter = database.createStatement()) {
            alter.execute("ALTER %s OWNER TO %s".formatted(object, role));
          }
          count++;
        }
      }
      database.commit();
      return count;
    } catch (SQLException e) {
      database.rollback();
      throw e;
    } finally {
      database.setAutoCommit(autoCommit);
    }
  }

  private static String relations(String kinds) {
    return """
        SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' WHEN 'v' THEN 'VIEW '
                 WHEN 'm' THEN 'MATERIALIZED VIEW ' WHEN 'f' THEN 'FOREIGN TABLE ' ELSE 'TABLE ' END
               || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN (%s) AND %s AND pg_get_userbyid(c.relowner) <> ?"""
        .formatted(kinds, USER_SCHEMAS);
  }

  /** The {@code ALTER} targets ("TABLE public.tickets") that {@code role} does not own yet. */
  private static List<String> owedBy(Connection database, String query, String role)
      throws SQLException {
    List<String> objects = new ArrayList<>();
    try (PreparedStatement statement = database.prepareStatement(query)) {
      statement.setString(1, role);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          objects.add(rows.getString(1));
        }
      }
    }
    return objects;
  }
}
