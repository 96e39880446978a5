package com.ticketbounty.reliability.faults;

import com.ticketbounty.testsupport.ProcessSignals;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One service's JVM, started from its packaged exec jar with the JVM options and environment run.sh
 * gives it. It can be killed with {@code -9} and started again on the same ports and environment;
 * its output is appended to one log across restarts.
 */
final class ServiceProcess {
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-Xss512k",
          "--enable-native-access=ALL-UNNAMED",
          "--sun-misc-unsafe-memory-access=allow");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final Map<String, String> environment;
  private final int managementPort;
  private final Path log;
  private @Nullable Process process;

  ServiceProcess(
      String name, Path jar, Map<String, String> environment, int managementPort, Path log) {
    this.name = name;
    this.jar = jar;
    this.environment = environment;
    this.managementPort = managementPort;
    this.log = log;
  }

  String name() {
    return name;
  }

  /** Its output, across restarts. */
  Path log() {
    return log;
  }

  synchronized void start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // The suite's own environment would leak settings into the service that run.sh would not give.
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("HOME", System.getProperty("user.home"));
    builder.environment().putAll(environment);
    process = builder.start();
  }

  /** Waits until its actuator health says UP; fails at once if the process ended. */
  void awaitHealthy(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!healthy()) {
      Process running = process;
      if (running == null || !running.isAlive()) {
        throw new IllegalStateException("%s stopped while starting; see %s".formatted(name, log));
      }
      if (System.nanoTime() > deadline) {
        dumpThreads();
        throw new IllegalStateException(
            "%s not healthy after %s; see %s (its threads at the end)".formatted(name, limit, log));
      }
      Thread.sleep(250);
    }
  }

  boolean healthy() {
    try {
      HttpResponse<String> health =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:%d/actuator/health".formatted(managementPort)))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return health.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * SIGQUIT: the JVM prints every thread's stack to its output, this service's log, and goes on. A
   * service that does not recover is the suite's finding; its threads say where it waits.
   */
  synchronized void dumpThreads() throws InterruptedException {
    Process running = process;
    if (running == null || !running.isAlive()) {
      return;
    }
    try {
      ProcessSignals.send(running.toHandle(), "QUIT");
    } catch (IOException | IllegalStateException e) {
      FaultPhase.say("could not dump the threads of %s: %s", name, e);
    }
  }

  /** SIGKILL: no shutdown hook, no graceful stop, whatever it was doing is cut off. */
  synchronized void kill() throws InterruptedException {
    Process running = process;
    if (running != null) {
      running.destroyForcibly();
      running.waitFor();
    }
  }

  /** SIGTERM, as run.sh stops a service; SIGKILL after 60 s. */
  synchronized void stop() throws InterruptedException {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.destroy();
      if (!running.waitFor(60, TimeUnit.SECONDS)) {
        running.destroyForcibly();
      }
    }
  }
}
