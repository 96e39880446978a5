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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The whole system as the suite runs it: the databases and roles created by the run command's own
 * helper ({@code local-stack create-databases}), then every service's jar started on its own, with
 * the environment run.sh gives it, under a name prefix of its own ({@code <layout name>_<id>}:
 * {@code faults_…}), so that one service can be killed and restarted without the others. RabbitMQ
 * (the machine's broker, or the 3-node cluster when fault 7 runs: {@link SuiteBroker}) is reached
 * by every service through TCP proxies; the {@link SuiteLayout}'s databases (notification-service's
 * for the fault suite) live on a PostgreSQL of the suite's own (the embedded one of run.sh), which
 * notification-service reaches through another proxy, so that it can be cut off or killed. With
 * more than one replica, each set of services (gateway included) runs on ports of its own, its
 * gateway and services calling each other, and all sets share the databases and the broker, as
 * hosts behind a load balancer would. {@link #close()} stops the services and drops the databases,
 * roles, queues and exchanges, and stops the cluster if it started one.
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

  private final String instance;
  private final Path root;
  private final Path logs;
  private final SuiteLayout layout;
  private final RecordingProvider provider;
  private final SuiteBroker broker;
  private final SuitePostgres ownPostgres;
  private final TcpProxy notificationDatabase;

  /** Every service's replicas, the first one first. */
  private final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();

  private @Nullable Instant firstReplicaUp;

  /** The HTTP port of each service, by replica (index 0 is the first replica). */
  private final Map<String, List<Integer>> ports = new HashMap<>();

  private SuiteSystem(Path root, SuiteLayout layout, RecordingProvider provider, SuiteBroker broker)
      throws IOException {
    this.instance = layout.name() + "_" + UUID.randomUUID().toString().substring(0, 6);
    this.root = root;
    this.layout = layout;
    this.provider = provider;
    this.broker = broker;
    this.logs = root.resolve("reliability/target/faults").resolve(instance);
    Files.createDirectories(logs);
    this.ownPostgres =
        new SuitePostgres(
            localStackJar(),
            logs.resolve("postgres"),
            logs.resolve("postgres.log"),
            TcpProxy.freePort(),
            layout.postgresSettings());
    this.notificationDatabase = TcpProxy.to(DB_HOST, ownPostgres.port());
  }

  /**
   * The fault suite's system ({@link SuiteLayout#FAULTS}) on the broker {@code faults} need: the
   * 3-node cluster for fault 7, else the machine's ({@link SuiteBroker#start}).
   */
  public static SuiteSystem start(
      Path root, RecordingProvider provider, String adminEmail, List<Integer> faults)
      throws IOException, InterruptedException {
    return start(root, SuiteLayout.FAULTS, SuiteBroker.start(root, faults), provider, adminEmail);
  }

  /** A system laid out as {@code layout} says, on the machine's broker. */
  static SuiteSystem start(
      Path root, SuiteLayout layout, RecordingProvider provider, String adminEmail)
      throws IOException, InterruptedException {
    return start(root, layout, SuiteBroker.machine(), provider, adminEmail);
  }

  /**
   * Creates the databases, starts every service on {@code broker} (closed with the system) and
   * waits until all are healthy.
   */
  private static SuiteSystem start(
      Path root,
      SuiteLayout layout,
      SuiteBroker broker,
      RecordingProvider provider,
      String adminEmail)
      throws IOException, InterruptedException {
    SuiteSystem system;
    try {
      system = new SuiteSystem(root, layout, provider, broker);
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

  /** The first replica's gateway. */
  public String gateway() {
    return gateways().getFirst();
  }

  /** Every replica's gateway, the first one first. */
  List<String> gateways() {
    return ports.get("gateway").stream().map(port -> "http://127.0.0.1:" + port).toList();
  }

  /** The service's first replica. */
  ServiceProcess service(String name) {
    return replicas(name).getFirst();
  }

  /** The service's replicas, the first one first. */
  List<ServiceProcess> replicas(String name) {
    List<ServiceProcess> replicas = services.get(name);
    if (replicas == null) {
      throw new IllegalArgumentException("no service " + name);
    }
    return replicas;
  }

  /** Every process started, replica by replica in start order. */
  List<ServiceProcess> processes() {
    List<ServiceProcess> all = new ArrayList<>();
    for (int replica = 0; replica < layout.replicas(); replica++) {
      for (List<ServiceProcess> replicas : services.values()) {
        if (replica < replicas.size()) {
          all.add(replicas.get(replica));
        }
      }
    }
    return all;
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
    return onOwnPostgres(database) ? ownPostgres.port() : DB_PORT;
  }

  private boolean onOwnPostgres(String database) {
    return layout.ownPostgresDatabases().contains(database);
  }

  private void createDatabases() throws IOException, InterruptedException {
    List<String> onMachine = new ArrayList<>();
    List<String> onOwn = new ArrayList<>();
    for (String database : DATABASE_OF.values()) {
      (onOwnPostgres(database) ? onOwn : onMachine).add(instance + "_" + database);
    }
    if (!onMachine.isEmpty()) {
      createDatabases(DB_PORT, onMachine);
    }
    if (!onOwn.isEmpty()) {
      createDatabases(ownPostgres.port(), onOwn);
    }
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

  /**
   * Starts the first replica of every service and waits until all are healthy, then the next: a
   * replica joins a system that is up, as in a rolling deployment, and the first identity-service
   * makes the signing key the others find in the database.
   */
  private void startServices(String adminEmail) throws IOException, InterruptedException {
    List<Map<String, Integer>> managementPorts = new ArrayList<>();
    for (int replica = 0; replica < layout.replicas(); replica++) {
      Map<String, Integer> management = new HashMap<>();
      for (String service : DATABASE_OF.keySet()) {
        ports.computeIfAbsent(service, s -> new ArrayList<>()).add(TcpProxy.freePort());
        management.put(service, TcpProxy.freePort());
      }
      managementPorts.add(management);
    }
    for (int replica = 0; replica < layout.replicas(); replica++) {
      Map<String, Integer> management = managementPorts.get(replica);
      Map<String, String> shared = sharedEnvironment(replica, management, adminEmail);
      List<ServiceProcess> started = new ArrayList<>();
      for (String service : DATABASE_OF.keySet()) {
        String name = replica == 0 ? service : service + "-" + (replica + 1);
        ServiceProcess process =
            new ServiceProcess(
                name,
                root.resolve(JAR.get(service).formatted(VERSION)),
                environmentOf(service, shared, management.get(service)),
                management.get(service),
                logs.resolve(name + ".log"));
        services.computeIfAbsent(service, s -> new ArrayList<>()).add(process);
        started.add(process);
        process.start();
      }
      for (ServiceProcess process : started) {
        process.awaitHealthy(START_LIMIT);
      }
      if (replica == 0) {
        firstReplicaUp = Instant.now();
      }
    }
  }

  /** When every service's first replica was healthy: the system worked from then on. */
  Instant firstReplicaUp() {
    return Objects.requireNonNull(firstReplicaUp, "not started");
  }

  private Map<String, String> environmentOf(
      String service, Map<String, String> shared, int managementPort) {
    Map<String, String> environment = new HashMap<>(shared);
    String database = instance + "_" + DATABASE_OF.get(service);
    environment.put("DB_NAME", database);
    environment.put("DB_USER", database);
    environment.put("DB_PASSWORD", "");
    environment.put("MANAGEMENT_PORT", Integer.toString(managementPort));
    if (service.equals("gateway")) {
      // The gateway listens on every interface as run.sh starts it; its actuator on loopback.
      environment.remove("SERVER_ADDRESS");
      environment.put("MANAGEMENT_ADDRESS", "127.0.0.1");
    }
    if (service.equals("notification-service")) {
      environment.put("DB_HOST", notificationDatabase.host());
      environment.put("DB_PORT", Integer.toString(notificationDatabase.port()));
    } else if (onOwnPostgres(DATABASE_OF.get(service))) {
      environment.put("DB_PORT", Integer.toString(ownPostgres.port()));
    }
    return Map.copyOf(environment);
  }

  /** What every service of one replica set gets: the set's own ports and URLs. */
  private Map<String, String> sharedEnvironment(
      int replica, Map<String, Integer> managementPorts, String adminEmail) {
    Map<String, String> environment = new HashMap<>();
    for (String service : DATABASE_OF.keySet()) {
      String variable = service.toUpperCase(Locale.ROOT).replace('-', '_');
      int port = ports.get(service).get(replica);
      environment.put(variable + "_PORT", Integer.toString(port));
      environment.put(variable + "_MANAGEMENT_PORT", managementPorts.get(service).toString());
      if (!service.equals("gateway")) {
        environment.put(variable + "_URL", "http://127.0.0.1:" + port);
      }
    }
    environment.put("SERVER_ADDRESS", "127.0.0.1");
    environment.put(
        "IDENTITY_JWKS_URI",
        "http://127.0.0.1:%d/.well-known/jwks.json"
            .formatted(ports.get("identity-service").get(replica)));
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
    environment.putAll(layout.environment());
    return environment;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Override
  public void close() throws InterruptedException {
    // Side by side: each stop waits for the service's graceful shutdown, and nothing is measured
    // any more, so the services need not go one after the other as run.sh stops them.
    List<Thread> stopping = new ArrayList<>();
    for (ServiceProcess service : processes()) {
      stopping.add(Thread.ofVirtual().start(() -> stop(service)));
    }
    for (Thread thread : stopping) {
      thread.join();
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

  private static void stop(ServiceProcess service) {
    try {
      service.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void dropDatabases() {
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://%s:%d/postgres".formatted(DB_HOST, DB_PORT), "postgres", "");
        Statement statement = admin.createStatement()) {
      for (String database : DATABASE_OF.values()) {
        if (onOwnPostgres(database)) {
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
