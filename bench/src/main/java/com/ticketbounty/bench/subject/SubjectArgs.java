package com.ticketbounty.bench.subject;

import com.rabbitmq.client.ConnectionFactory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the driver tells a subject, as {@code key=value} arguments: {@code kind}, {@code db} (the
 * database's name), {@code prefix} (of its exchange and queues), {@code steps}, {@code workers},
 * {@code provider} (scenario 4's stub), {@code messages} and {@code size} (the relay's preload).
 */
public record SubjectArgs(Map<String, String> values) {

  public static SubjectArgs parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("expected key=value, got " + arg);
      }
      values.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return new SubjectArgs(Map.copyOf(values));
  }

  public String text(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing argument " + key);
    }
    return value;
  }

  public int number(String key, int otherwise) {
    return values.containsKey(key) ? Integer.parseInt(values.get(key)) : otherwise;
  }

  public Optional<URI> provider() {
    return Optional.ofNullable(values.get("provider")).map(URI::create);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:5432/" + text("db");
  }

  /** A pool as a competent user sizes it: as many connections as threads that use one at once. */
  public HikariDataSource dataSource(int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setPoolName("bench");
    return new HikariDataSource(config);
  }

  public static ConnectionFactory rabbit() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setUsername("guest");
    factory.setPassword("guest");
    return factory;
  }
}
