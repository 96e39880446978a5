package com.ticketbounty.systemtests;

import static org.awaitility.Awaitility.await;

import com.ticketbounty.bench.driver.RunningSystem;
import com.ticketbounty.testsupport.TcpProxy;
import com.ticketbounty.testsupport.TestRabbit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The README's run command ({@code run.sh}), started as a user would start it, on ports, database
 * names and broker names of its own so it never meets a running system. {@link #close()} sends it
 * SIGTERM, as Ctrl-C would, and cleans up what the test system left on the shared servers.
 */
final class RunCommand implements AutoCloseable {
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  /**
   * The java of the JVM these tests run on, which the build chose (Java 25+): the jars are compiled
   * for it, and the {@code java} on PATH may be an older one.
   */
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  static final List<String> PROCESSES =
      List.of(
          "gateway",
          "identity-service",
          "ticket-service",
          "comment-service",
          "notification-service",
          "admin-digest-service");

  /** The services that own a database, by the suffix of its name. */
  static final List<String> DATABASES =
      List.of("identity", "ticket", "comment", "notification", "admin_digest", "gateway");

  private final Process process;
  private final Path log;
  private final String instance;
  private final Path runDirectory;
  private final Map<String, Integer> ports;
  private final Map<String, Integer> managementPorts;
  private final Map<String, String> environment;

  private RunCommand(
      Process process,
      Path runDirectory,
      String instance,
      Map<String, Integer> ports,
      Map<String, Integer> managementPorts,
      Map<String, String> environment) {
    this.process = process;
    this.runDirectory = runDirectory;
    this.log = runDirectory.resolve("run.out");
    this.instance = instance;
    this.ports = ports;
    this.managementPorts = managementPorts;
    this.environment = environment;
  }

  /** Starts run.sh with {@code extra} environment and waits until it says it is ready. */
  static RunCommand start(String name, Map<String, String> extra) throws IOException {
    String instance = "systest_" + name + "_" + UUID.randomUUID().toString().substring(0, 6);
    Path runDirectory = REPOSITORY.resolve("system-tests/target/" + instance);
    Files.createDirectories(runDirectory);
    Map<String, Integer> ports = new LinkedHashMap<>();
    Map<String, Integer> managementPorts = new LinkedHashMap<>();
    Map<String, String> environment = new HashMap<>(extra);
    environment.put("TB_INSTANCE", instance);
    environment.put("TB_RUN_DIR", runDirectory.toString());
    for (String process : PROCESSES) {
      int port = TcpProxy.freePort();
      ports.put(process, port);
      environment.put(portVariable(process), Integer.toString(port));
      // Free ports of their own: HTTP port + 1000 (run.sh's default) may well be taken here.
      int managementPort = TcpProxy.freePort();
      managementPorts.put(process, managementPort);
      environment.put(managementPortVariable(process), Integer.toString(managementPort));
    }
    ProcessBuilder builder =
        new ProcessBuilder("bash", REPOSITORY.resolve("run.sh").toString())
            .directory(REPOSITORY.toFile())
            .redirectErrorStream(true)
            .redirectOutput(runDirectory.resolve("run.out").toFile());
    builder.environment().putAll(environment);
    // run.sh starts every process on the JVM the tests run on (scripts/java-home.sh takes it).
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    RunCommand run =
        new RunCommand(
            builder.start(), runDirectory, instance, ports, managementPorts, environment);
    try {
      run.awaitReady();
    } catch (RuntimeException notReady) {
      // A run.sh that is still starting would otherwise outlive the test run, with its databases.
      try {
        run.close();
      } catch (Exception e) {
        notReady.addSuppressed(e);
      }
      throw notReady;
    }
    return run;
  }

  private void awaitReady() {
    try {
      await()
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> output().contains("[run] ready") || !process.isAlive());
    } catch (RuntimeException e) {
      throw new IllegalStateException("run.sh did not get ready:\n" + output(), e);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException("run.sh stopped before it was ready:\n" + output());
    }
  }

  String gateway() {
    return url("gateway");
  }

  /** The port of one process, such as {@code ticket-service}. */
  int port(String process) {
    return ports.get(process);
  }

  /** The base URL of one process, such as {@code ticket-service}, bypassing the gateway. */
  String url(String process) {
    return "http://127.0.0.1:" + ports.get(process);
  }

  /** The management port of one process: actuator's health and prometheus, on loopback. */
  int managementPort(String process) {
    return managementPorts.get(process);
  }

  /** The base URL of one process's management port, such as {@code notification-service}'s. */
  String managementUrl(String process) {
    return "http://127.0.0.1:" + managementPorts.get(process);
  }

  /** The log file run.sh writes for one process (its standard output and error). */
  Path logOf(String process) {
    return runDirectory.resolve("logs/" + process + ".log");
  }

  private static String portVariable(String process) {
    return variablePrefix(process) + "_PORT";
  }

  private static String managementPortVariable(String process) {
    return variablePrefix(process) + "_MANAGEMENT_PORT";
  }

  private static String variablePrefix(String process) {
    return process.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  String instance() {
    return instance;
  }

  /**
   * The database of a service ({@code ticket}), which is also the name of its role: the only role
   * that may connect to it, and the one the service connects as.
   */
  String database(String service) {
    return instance + "_" + service;
  }

  /** A connection to a database of this system's PostgreSQL as {@code role} (trust auth here). */
  Connection connectAs(String role, String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:%d/%s".formatted(postgresPort(), database), role, "");
  }

  /** The machine's PostgreSQL, or the embedded one run.sh started for this system. */
  int postgresPort() {
    return Integer.parseInt(
        environment.containsKey("TB_EMBEDDED_POSTGRES")
            ? environment.getOrDefault("TB_EMBEDDED_POSTGRES_PORT", "15432")
            : "5432");
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** The last {@code lines} lines run.sh printed. */
  String outputTail(int lines) {
    List<String> all = output().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** The directory of the processes' logs, {@code <process>.log} each. */
  Path logDirectory() {
    return runDirectory.resolve("logs");
  }

  /** run.sh's own process; the services are its descendants. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  List<ProcessHandle> descendants() {
    return process.descendants().toList();
  }

  /** The JVM run.sh started for {@code service}, known by the exec jar on its command line. */
  ProcessHandle serviceProcess(String service) {
    return RunningSystem.serviceJvm(handle(), service)
        .orElseThrow(() -> new IllegalStateException(service + " is not running"));
  }

  /** SIGTERM, as Ctrl-C; waits for run.sh to stop what it started. */
  boolean stop() throws InterruptedException {
    process.destroy();
    return process.waitFor(90, TimeUnit.SECONDS);
  }

  int exitValue() {
    return process.exitValue();
  }

  List<Integer> ports() {
    return List.copyOf(ports.values());
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive() && !stop()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String prefix = instance + ".";
    new TestRabbit().delete(queuesNamed(prefix), List.of(prefix + "events", prefix + "events.dlx"));
    dropDatabasesAndRoles();
  }

  private void dropDatabasesAndRoles() throws SQLException {
    if (environment.containsKey("TB_EMBEDDED_POSTGRES")) {
      return; // its data directory lives under target/ and went away with the server
    }
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      for (String service : DATABASES) {
        statement.execute("DROP DATABASE IF EXISTS %s WITH (FORCE)".formatted(database(service)));
        statement.execute("DROP ROLE IF EXISTS %s".formatted(database(service)));
      }
    }
  }

  /**
   * The queues the test system declared (one per function and subscription of every service, and
   * their dead-letter queues), read from the broker itself so that a new subscription needs no
   * change here. Without {@code rabbitmqctl} (a remote broker) they are left to the broker.
   */
  static List<String> queuesNamed(String prefix) {
    try {
      Process list = new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "name").start();
      String names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      list.waitFor(30, TimeUnit.SECONDS);
      return names.lines().map(String::strip).filter(name -> name.startsWith(prefix)).toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }
}
