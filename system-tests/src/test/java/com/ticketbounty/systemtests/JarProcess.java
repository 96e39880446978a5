package com.ticketbounty.systemtests;

import static org.awaitility.Awaitility.await;

import com.ticketbounty.testsupport.TcpProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started from the exec jar Maven packaged, as run.sh starts it (same JVM options), on
 * an environment the test gives it; {@link #close()} stops it with SIGTERM, as run.sh does.
 */
final class JarProcess implements AutoCloseable {
  private static final String VERSION = "0.1.0-SNAPSHOT";
  private static final Map<String, String> JARS =
      Map.of(
          "identity-service",
          "platform/identity-service/target/identity-service-%s-exec.jar",
          "notification-service",
          "notification-service/target/notification-service-%s-exec.jar",
          "gateway",
          "platform/gateway/target/gateway-%s-exec.jar");

  /** Settings of the caller's own environment that would change what the test proves. */
  private static final List<String> NOT_INHERITED =
      List.of(
          "SPRING_PROFILES_ACTIVE",
          "IDENTITY_RATELIMITS_ATTEMPTSPERMINUTE",
          "GATEWAY_RATELIMITS_ATTEMPTSPERMINUTE");

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;
  private final int managementPort;

  private JarProcess(String name, Process process, Path log, int port, int managementPort) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
    this.managementPort = managementPort;
  }

  /**
   * Starts {@code service}'s jar listening on {@code port} (and its actuator on a free management
   * port of its own, as run.sh gives one), its output in {@code directory}.
   */
  static JarProcess start(
      String service, String label, int port, Map<String, String> environment, Path directory)
      throws IOException {
    Files.createDirectories(directory);
    Path log = directory.resolve(label + ".log");
    Path jar = RunCommand.REPOSITORY.resolve(JARS.get(service).formatted(VERSION));
    ProcessBuilder builder =
        new ProcessBuilder(
                RunCommand.JAVA, "-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    NOT_INHERITED.forEach(builder.environment()::remove);
    builder.environment().putAll(environment);
    int managementPort = TcpProxy.freePort();
    builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
    return new JarProcess(label, builder.start(), log, port, managementPort);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits until its health is UP; fails at once, with its output, if it stopped. */
  void awaitHealthy(Duration patience) {
    try {
      await()
          .atMost(patience)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(name + " stopped:\n" + output());
                }
                return Http.get("http://127.0.0.1:" + managementPort + "/actuator/health")
                    .body()
                    .contains("\"UP\"");
              });
    } catch (RuntimeException e) {
      throw new IllegalStateException(name + " did not get healthy:\n" + output(), e);
    }
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** Ends it as a crash would: SIGKILL, no shutdown hook, no graceful stop of its runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
