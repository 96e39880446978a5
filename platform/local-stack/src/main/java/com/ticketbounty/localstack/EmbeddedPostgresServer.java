package com.ticketbounty.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL 14 from Maven Central (zonky), for machines without an installed server. Its
 * data directory is kept between runs, so the system's data survives a restart of the run command.
 *
 * <p>zonky starts the server for tests' speed: {@code fsync} off ({@code -F}), {@code
 * synchronous_commit=off}, {@code max_connections=300}. Settings given to {@link #start(Path, int,
 * Map)} come after those on the server's command line and so win: the fault suite turns durability
 * back on for the server it kills with {@code -9}, where an acknowledged commit must survive.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
    return start(dataDirectory, port, Map.of());
  }

  /** Starts it with {@code settings} ({@code postgresql.conf} names and values) on top. */
  public static EmbeddedPostgresServer start(
      Path dataDirectory, int port, Map<String, String> settings) throws IOException {
    Files.createDirectories(dataDirectory);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port);
    settings.forEach(builder::setServerConfig);
    return new EmbeddedPostgresServer(builder.start());
  }

  /**
   * {@code name=value} arguments as settings, in their order.
   *
   * @throws IllegalArgumentException for an argument without a name or an {@code =}
   */
  public static Map<String, String> settings(List<String> arguments) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "a server setting is <name>=<value>, e.g. max_connections=200; got '%s'"
                .formatted(argument));
      }
      settings.put(argument.substring(0, equals), argument.substring(equals + 1));
    }
    return settings;
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
