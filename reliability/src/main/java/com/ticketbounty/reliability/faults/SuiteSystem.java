package com.ticketbounty.reliability.faults;

import com.ticketbounty.testsupport.TcpProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as the suite runs it: the databases and roles created by the run command's own
 * helper ({@code local-stack create-databases}), then every service's jar started on its own, with
 * the environment run.sh gives it, under a name prefix of the suite's own ({@code faults_…}), so
 * that one service can be killed and restarted without the others. RabbitMQ (the machine's broker,
 * or the 3-node cluster when fault 7 runs: {@link SuiteBroker}) is reached by every service through
 * TCP proxies; notification-service's database lives on a PostgreSQL of the suite's own (the
 * embedded one of run.sh), reached through another proxy, so that it can be cut off or killed.
 * {@link #close()} stops the services and drops the databases, roles, queues and exchanges, and
 * stops the cluster if it started one.
 */
public final class SuiteSystem implements AutoCloseable {
  /** The processes, in run.sh's start order, and the databases they own. */
  static final Map<String, String> DATABASE_OF =
      orderedMap(
          "identity-service", "identity",
          "ticket-service", "ticket",
          "comment-service", "comment",
          "notification-service", "notification",
          "admin-digest-service", "admin_digest",
          "gateway", "gateway");

  private static final String VERSION = "0.1.0-SNAPSHOT";
  private static final Map<String, String> JAR =
      Map.of(
          "identity-service", "platform/identity-service/target/identity-service-%s-exec.jar",
          "ticket-service", "ticket-service/target/ticket-service-%s-exec.jar",
          "comment-service", "comment-service/target/comment-service-%s-exec.jar",
          "notification-service", "notification-service/target/notification-service-%s-exec.jar",
          "admin-digest-service", "admin-digest-service/target/admin-digest-service-%s-exec.jar",
          "gateway", "platform/gateway/target/gateway-%s-exec.jar");
  private static final Duration START_LIMIT = Duration.ofMinutes(4);
  private static final String DB_HOST = "127.0.0.1";
  private static final int DB_PORT = 5432;

  /** notification-service's database lives on the suite's own PostgreSQL (fault 4's kill -9). */
  private static final String OWN_POSTGRES_DATABASE = "notification";

  private final String instance = "faults_" + UUID.randomUUID().toString().substring(0, 6);
  private final Path root;
  private final Path logs;
  private final RecordingProvider provider;
  private final SuiteBroker broker;
  private final SuitePostgres ownPostgres;
  private final TcpProxy notificationDatabase;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new HashMap<>();

  private SuiteSystem(Path root, RecordingProvider provider, SuiteBroker broker)
      throws IOException {
    this.root = root;
    this.provider = provider;
    this.broker = broker;
    this.logs = root.resolve("reliability/target/faults").resolve(instance);
    Files.createDirectories(logs);
    this.ownPostgres =
        new SuitePostgres(
            localStackJar(),
            logs.resolve("postgres"),
            logs.resolve("postgres.log"),
            TcpProxy.freePort());
    this.notificationDatabase = TcpProxy.to(DB_HOST, ownPostgres.port());
  }

  /**
   * Starts the broker {@code faults} need ({@link SuiteBroker#start}), creates the databases,
   * starts every service and waits until all are healthy.
   */
  public static SuiteSystem start(
      Path root, RecordingProvider provider, String adminEmail, List<Integer> faults)
      throws IOException, InterruptedException {
    SuiteBroker broker = SuiteBroker.start(root, faults);
    SuiteSystem system;
    try {
      system = new SuiteSystem(root, provider, broker);
    } catch (IOException | RuntimeException e) {
      broker.close();
      throw e;
    }
    try {
      system.ownPostgres.start();
      system.createDatabases();
      system.startServices(adminEmail);
      return system;
    } catch (IOException | InterruptedException | RuntimeException e) {
      system.close();
      throw e;
    }
  }

  public String instance() {
    return instance;
  }

  public Path logs() {
    return logs;
  }

  public RecordingProvider provider() {
    return provider;
  }

  public String gateway() {
    return "http://127.0.0.1:" + ports.get("gateway");
  }

  ServiceProcess service(String name) {
    ServiceProcess service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException("no service " + name);
    }
    return service;
  }

  /** The RabbitMQ every service is connected to, and the proxies in between. */
  SuiteBroker broker() {
    return broker;
  }

  /** notification-service's connection to PostgreSQL. */
  public TcpProxy notificationDatabase() {
    return notificationDatabase;
  }

  /** The PostgreSQL of the suite's own, which holds notification-service's database. */
  SuitePostgres ownPostgres() {
    return ownPostgres;
  }

  /** A new connection, as the administrator, to the database of {@code database} (e.g. ticket). */
  public Connection database(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://%s:%d/%s_%s".formatted(DB_HOST, portOf(database), instance, database),
        "postgres",
        "");
  }

  private int portOf(String database) {
    return database.equals(OWN_POSTGRES_DATABASE) ? ownPostgres.port() : DB_PORT;
  }

  private void createDatabases() throws IOException, InterruptedException {
    List<String> onMachine = new ArrayList<>();
    DATABASE_OF.values().stream()
        .filter(database -> !database.equals(OWN_POSTGRES_DATABASE))
        .forEach(database -> onMachine.add(instance + "_" + database));
    createDatabases(DB_PORT, onMachine);
    createDatabases(ownPostgres.port(), List.of(instance + "_" + OWN_POSTGRES_DATABASE));
  }

  private void createDatabases(int port, List<String> databases)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-jar",
                localStackJar().toString(),
                "create-databases",
                DB_HOST,
                Integer.toString(port),
                "postgres"));
    command.addAll(databases);
    Path log = logs.resolve("create-databases.log");
    Process create =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!create.waitFor(2, TimeUnit.MINUTES) || create.exitValue() != 0) {
      throw new IllegalStateException("creating the databases failed; see " + log);
    }
  }

  private Path localStackJar() {
    return root.resolve("platform/local-stack/target/local-stack-%s-exec.jar".formatted(VERSION));
  }

  private void startServices(String adminEmail) throws IOException, InterruptedException {
    Map<String, Integer> managementPorts = new HashMap<>();
    for (String service : DATABASE_OF.keySet()) {
      ports.put(service, TcpProxy.freePort());
      managementPorts.put(service, TcpProxy.freePort());
    }
    Map<String, String> shared = sharedEnvironment(managementPorts, adminEmail);
    for (String service : DATABASE_OF.keySet()) {
      Map<String, String> environment = new HashMap<>(shared);
      String database = instance + "_" + DATABASE_OF.get(service);
      environment.put("DB_NAME", database);
      environment.put("DB_USER", database);
      environment.put("DB_PASSWORD", "");
      environment.put("MANAGEMENT_PORT", managementPorts.get(service).toString());
      if (service.equals("gateway")) {
        // The gateway listens on every interface as run.sh starts it; its actuator on loopback.
        environment.remove("SERVER_ADDRESS");
        environment.put("MANAGEMENT_ADDRESS", "127.0.0.1");
      }
      if (service.equals("notification-service")) {
        environment.put("DB_HOST", notificationDatabase.host());
        environment.put("DB_PORT", Integer.toString(notificationDatabase.port()));
      }
      Path jar = root.resolve(JAR.get(service).formatted(VERSION));
      ServiceProcess process =
          new ServiceProcess(
              service,
              jar,
              Map.copyOf(environment),
              managementPorts.get(service),
              logs.resolve(service + ".log"));
      services.put(service, process);
      process.start();
    }
    for (ServiceProcess process : services.values()) {
      process.awaitHealthy(START_LIMIT);
    }
  }

  private Map<String, String> sharedEnvironment(
      Map<String, Integer> managementPorts, String adminEmail) {
    Map<String, String> environment = new HashMap<>();
    for (String service : DATABASE_OF.keySet()) {
      String variable = service.toUpperCase(Locale.ROOT).replace('-', '_');
      environment.put(variable + "_PORT", ports.get(service).toString());
      environment.put(variable + "_MANAGEMENT_PORT", managementPorts.get(service).toString());
      if (!service.equals("gateway")) {
        environment.put(variable + "_URL", "http://127.0.0.1:" + ports.get(service));
      }
    }
    environment.put("SERVER_ADDRESS", "127.0.0.1");
    environment.put(
        "IDENTITY_JWKS_URI",
        "http://127.0.0.1:%d/.well-known/jwks.json".formatted(ports.get("identity-service")));
    environment.put("DB_HOST", DB_HOST);
    environment.put("DB_PORT", Integer.toString(DB_PORT));
    environment.put("RABBITMQ_ADDRESSES", broker.serviceAddresses());
    environment.put("EVENTRUNTIME_NAMEPREFIX", instance + ".");
    environment.put("EMAIL_BASE_URL", provider.baseUrl());
    environment.put("EMAIL_API_KEY", "re_faults_key");
    environment.put("ADMIN_EMAILS", adminEmail);
    // Welcome e-mails within the suite's phases instead of 15 minutes later.
    environment.put("WELCOME_EMAIL_DELAY", "PT2S");
    // The load signs up and posts from one address far beyond a minute's default allowance.
    environment.put("TICKETSERVICE_RATELIMITS_TICKETSPERMINUTE", "1000000");
    environment.put("COMMENTSERVICE_RATELIMITS_COMMENTSPERMINUTE", "1000000");
    environment.put("GATEWAY_RATELIMITS_ATTEMPTSPERMINUTE", "1000000");
    environment.put("IDENTITY_RATELIMITS_ATTEMPTSPERMINUTE", "1000000");
    return environment;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Override
  public void close() throws InterruptedException {
    List<ServiceProcess> reversed = new ArrayList<>(services.values());
    Collections.reverse(reversed);
    for (ServiceProcess service : reversed) {
      service.stop();
    }
    notificationDatabase.close();
    try {
      ownPostgres.close();
    } catch (IOException e) {
      System.err.println("[faults] could not remove the suite's PostgreSQL: " + e);
    }
    dropDatabases();
    broker.deleteAll(instance + ".");
    broker.close();
  }

  private void dropDatabases() {
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://%s:%d/postgres".formatted(DB_HOST, DB_PORT), "postgres", "");
        Statement statement = admin.createStatement()) {
      for (String database : DATABASE_OF.values()) {
        if (database.equals(OWN_POSTGRES_DATABASE)) {
          continue; // removed with the suite's own PostgreSQL
        }
        statement.execute(
            "DROP DATABASE IF EXISTS %s_%s WITH (FORCE)".formatted(instance, database));
        statement.execute("DROP ROLE IF EXISTS %s_%s".formatted(instance, database));
      }
    } catch (SQLException e) {
      System.err.println("[faults] could not drop the databases of " + instance + ": " + e);
    }
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
