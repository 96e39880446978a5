package com.ticketbounty.systemtests;

import static org.awaitility.Awaitility.await;

import com.ticketbounty.testsupport.TcpProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Zipkin server (the exec jar Maven copied to {@code target/zipkin}), in memory, on a free
 * port: the trace backend the shared system exports its spans to (ZIPKIN_ENDPOINT). Started beside
 * run.sh, awaited before the first test reads it, stopped with the system.
 */
final class TraceBackend implements AutoCloseable {
  static final Path JAR =
      RunCommand.REPOSITORY.resolve("system-tests/target/zipkin/zipkin-server.jar");

  private final Process process;
  private final Path log;
  private final int port;

  private TraceBackend(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static TraceBackend start() throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: mvn process-test-resources copies it");
    }
    int port = TcpProxy.freePort();
    Path log = RunCommand.REPOSITORY.resolve("system-tests/target/zipkin/zipkin-" + port + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                RunCommand.JAVA,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--logging.level.root=WARN")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // In memory (the default, said so that an environment cannot change it), not tracing itself.
    builder.environment().put("STORAGE_TYPE", "mem");
    builder.environment().put("SELF_TRACING_ENABLED", "false");
    return new TraceBackend(builder.start(), log, port);
  }

  /** Where the system posts spans (Zipkin's JSON v2). */
  String spansEndpoint() {
    return url() + "/api/v2/spans";
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void awaitUp() {
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException("Zipkin stopped:\n" + Files.readString(log));
                }
                return Http.get(url() + "/health").status() == 200;
              });
    } catch (RuntimeException e) {
      throw new IllegalStateException("Zipkin did not start; see " + log, e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
