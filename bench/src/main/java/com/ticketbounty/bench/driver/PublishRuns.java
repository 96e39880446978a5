package com.ticketbounty.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 3's two publishers, each in a JVM of its own: event-runtime's outbox relay draining a
 * preloaded outbox (RelaySubject), and RabbitMQ PerfTest publishing the same number of messages of
 * the same size, both with confirms to a quorum queue.
 */
public final class PublishRuns {
  private static final Pattern PERF_TEST_RATE = Pattern.compile("sending rate avg: (\\d+) msg/s");

  private final Postgres postgres;
  private final Broker broker;
  private final Path logs;

  public PublishRuns(Postgres postgres, Broker broker, Path logs) {
    this.postgres = postgres;
    this.broker = broker;
    this.logs = logs;
  }

  /** What one publisher did: messages, seconds, and CPU ms per message of it and of RabbitMQ. */
  public record Published(
      String publisher,
      int messages,
      double seconds,
      double jvmCpuMsPerMessage,
      double rabbitCpuMsPerMessage) {
    public double perSecond() {
      return messages / seconds;
    }
  }

  public Published relay(SubjectSpec spec, int messages, int size, String runId) throws Exception {
    String database = "bench_relay_" + runId;
    String prefix = "bench" + runId + "-relay.";
    postgres.create(database);
    String queue = prefix + "unknown";
    try (SubjectProcess subject =
        SubjectProcess.launch(
            spec,
            Map.of("db", database, "prefix", prefix, "messages", "" + messages, "size", "" + size),
            logs.resolve("relay-" + spec.label().replace('@', '-') + ".log"))) {
      queue = subject.awaitReady(Duration.ofMinutes(3));
      double jvm = ProcessCpu.millisOf(subject.pid());
      double rabbit = ProcessCpu.millisOfAll("beam.smp");
      subject.tell("GO");
      String[] done = subject.awaitDone(Duration.ofMinutes(10)).split(" ");
      double jvmUsed = ProcessCpu.millisOf(subject.pid()) - jvm;
      double rabbitUsed = ProcessCpu.millisOfAll("beam.smp") - rabbit;
      int published = Integer.parseInt(done[0]);
      return new Published(
          spec.label() + " relay",
          published,
          Long.parseLong(done[1]) / 1e6,
          jvmUsed / published,
          rabbitUsed / published);
    } finally {
      broker.delete(prefix, queue);
      postgres.drop(database);
    }
  }

  public Published perfTest(Classpath classpath, int messages, int size, String runId)
      throws IOException, InterruptedException {
    String queue = "bench" + runId + "-perftest";
    Path log = logs.resolve("perftest.log");
    Files.createDirectories(logs);
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xms256m",
            "-Xmx512m",
            "-cp",
            classpath.joined(),
            "com.rabbitmq.perf.PerfTest",
            "--uri",
            "amqp://guest:guest@127.0.0.1:5672",
            "--producers",
            "1",
            "--consumers",
            "0",
            "--pmessages",
            "" + messages,
            "--size",
            "" + size,
            "--confirm",
            "100",
            "--quorum-queue",
            "--queue",
            queue);
    double rabbit = ProcessCpu.millisOfAll("beam.smp");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("PerfTest did not finish within 10 minutes; see " + log);
      }
    } finally {
      broker.delete("bench" + runId + "-perftest-none.", queue);
    }
    double rabbitUsed = ProcessCpu.millisOfAll("beam.smp") - rabbit;
    Matcher rate = PERF_TEST_RATE.matcher(Files.readString(log));
    if (!rate.find()) {
      throw new IllegalStateException("PerfTest printed no sending rate; see " + log);
    }
    double perSecond = Double.parseDouble(rate.group(1));
    return new Published(
        "PerfTest", messages, messages / perSecond, Double.NaN, rabbitUsed / messages);
  }
}
