package com.ticketbounty.bench.driver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system for scenarios 5 and 6, started on first use with the README's run command
 * ({@code run.sh}) as the system tests start it: a name prefix of its own ({@code TB_INSTANCE}, so
 * its databases and queues never meet another system's), free ports, the e-mail provider pointed at
 * an in-process WireMock answering as Resend does (DESIGN.md §9), the per-minute limits raised (the
 * bench's accounts sign up and open every ticket from one address). {@link #close()} stops it by
 * its PID (SIGTERM, which run.sh passes on to what it started) and drops its databases, roles,
 * queues and exchanges; a shutdown hook does the same when the bench is interrupted.
 */
public final class LaunchedSystem implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LaunchedSystem.class);
  private static final Duration READY_LIMIT = Duration.ofMinutes(6);

  /** The databases run.sh creates, {@code <instance>_<name>}, each owned by a role of its name. */
  public static final List<String> DATABASES =
      List.of("identity", "ticket", "comment", "notification", "admin_digest", "gateway");

  private final Path root;
  private final Path runDirectory;
  private final Postgres postgres;
  private final Broker broker;
  private final String instance;
  private final Map<String, String> extraEnvironment;
  // Set while starting, read by the shutdown hook, which must not wait for a start in progress.
  private final AtomicReference<@Nullable Process> process = new AtomicReference<>();
  private final AtomicReference<@Nullable WireMockServer> emails = new AtomicReference<>();
  private final AtomicReference<@Nullable Thread> hook = new AtomicReference<>();
  private @Nullable RunningSystem running;
  private @Nullable IllegalStateException failure;

  public LaunchedSystem(Path root, Path runDirectory, Postgres postgres, Broker broker) {
    this(root, runDirectory, postgres, broker, Settings.BENCH);
  }

  /**
   * A system under another name prefix, with more environment for run.sh on top of the bench's (the
   * soak runs on run.sh's embedded PostgreSQL, for instance).
   */
  public LaunchedSystem(
      Path root, Path runDirectory, Postgres postgres, Broker broker, Settings settings) {
    this.root = root;
    this.runDirectory = runDirectory;
    this.postgres = postgres;
    this.broker = broker;
    this.instance = settings.prefix() + "_" + UUID.randomUUID().toString().substring(0, 6);
    this.extraEnvironment = Map.copyOf(settings.environment());
  }

  /**
   * What a launcher other than the bench changes: the prefix of its {@code TB_INSTANCE} and
   * environment variables for run.sh, which win over the bench's.
   */
  public record Settings(String prefix, Map<String, String> environment) {
    public static final Settings BENCH = new Settings("bench", Map.of());
  }

  /** The {@code TB_INSTANCE} of this system: its databases are {@code <instance>_<name>}. */
  public String instance() {
    return instance;
  }

  /**
   * The running system, started by the first call; a system that did not start is not tried again
   * (minutes each): every call then throws the first reason.
   */
  public synchronized RunningSystem get() throws IOException, InterruptedException {
    if (failure != null) {
      throw failure;
    }
    if (running == null) {
      try {
        running = start();
      } catch (IllegalStateException e) {
        failure = e;
        throw e;
      }
    }
    return running;
  }

  private RunningSystem start() throws IOException, InterruptedException {
    WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());
    provider.start();
    provider.stubFor(
        post(urlEqualTo("/emails"))
            .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"bench\"}")));
    emails.set(provider);
    Map<String, String> environment = new HashMap<>();
    environment.put("TB_INSTANCE", instance);
    environment.put("TB_RUN_DIR", runDirectory.toString());
    Map<String, Integer> ports = new HashMap<>();
    for (String service : RunningSystem.SERVICES) {
      String variable = service.toUpperCase(Locale.ROOT).replace('-', '_');
      ports.put(service, freePort());
      environment.put(variable + "_PORT", ports.get(service).toString());
      environment.put(variable + "_MANAGEMENT_PORT", Integer.toString(freePort()));
    }
    environment.put("EMAIL_BASE_URL", provider.baseUrl());
    environment.put("EMAIL_API_KEY", "re_bench_key");
    environment.put("TICKETSERVICE_RATELIMITS_TICKETSPERMINUTE", "1000000");
    environment.put("GATEWAY_RATELIMITS_ATTEMPTSPERMINUTE", "1000000");
    environment.put("IDENTITY_RATELIMITS_ATTEMPTSPERMINUTE", "1000000");
    // The processes run on the bench's own JDK 25 (run.sh takes JAVA_HOME when it is one).
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.putAll(extraEnvironment);
    Files.createDirectories(runDirectory);
    Path output = runDirectory.resolve("run.out");
    ProcessBuilder builder =
        new ProcessBuilder("bash", root.resolve("run.sh").toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Thread cleanup = new Thread(this::stopAndClean, "bench-system-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    hook.set(cleanup);
    LOG.info("Starting the system with run.sh ({}; output in {})", instance, output);
    Process started = builder.start();
    process.set(started);
    awaitReady(started, output);
    return RunningSystem.ready(
        "http://127.0.0.1:" + ports.get("gateway"),
        "http://127.0.0.1:" + ports.get("ticket-service"),
        provider,
        runDirectory.resolve("logs"),
        started.toHandle());
  }

  private static void awaitReady(Process process, Path output) throws InterruptedException {
    long deadline = System.nanoTime() + READY_LIMIT.toNanos();
    while (!read(output).contains("[run] ready")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "run.sh did not get ready (%s); its output:%n%s".formatted(output, read(output)));
      }
      Thread.sleep(500);
    }
  }

  @Override
  public void close() {
    Thread cleanup = hook.getAndSet(null);
    if (cleanup == null) {
      return; // never started
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      return; // the hook is running or about to: it cleans up
    }
    stopAndClean();
  }

  private void stopAndClean() {
    Process started = process.getAndSet(null);
    if (started != null) {
      LOG.info(
          "Stopping the system (run.sh, PID {}) and dropping {}'s databases and queues",
          started.pid(),
          instance);
      stop(started);
    }
    for (String database : DATABASES) {
      postgres.dropDatabaseAndRole(instance + "_" + database);
    }
    broker.deleteAll(
        Broker.queuesNamed(instance + "."),
        List.of(instance + ".events", instance + ".events.dlx"));
    WireMockServer provider = emails.getAndSet(null);
    if (provider != null) {
      provider.stop();
    }
  }

  /** SIGTERM to run.sh, which stops what it started; what is left after 90 s is killed. */
  private static void stop(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
