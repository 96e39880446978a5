package com.ticketbounty.reliability.soak;

import com.ticketbounty.bench.driver.Broker;
import com.ticketbounty.bench.driver.LaunchedSystem;
import com.ticketbounty.bench.driver.Postgres;
import com.ticketbounty.bench.driver.RunningSystem;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The soak command ({@code ./soak.sh [--minutes 10] [--rate 20]}): starts the whole system with
 * run.sh on its embedded PostgreSQL, offers the soak's load, writes the soak section of
 * docs/reliability.md with its plots, and stops the system again, dropping what it left.
 */
public final class Soak {
  private Soak() {}

  public static void main(String[] args) throws Exception {
    double minutes = 10;
    double rate = 20;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--minutes" -> minutes = Double.parseDouble(args[i + 1]);
        case "--rate" -> rate = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("usage: soak.sh [--minutes 10] [--rate 20]");
    }
    Path root = Path.of(System.getProperty("soak.root", ".")).toAbsolutePath().normalize();
    SoakOptions options = SoakOptions.of(minutes, rate);
    Path runDirectory = root.resolve("reliability/target/soak/" + Instant.now().getEpochSecond());
    int postgresPort = freePort();
    // The databases on run.sh's embedded PostgreSQL, with PostgreSQL's default settings
    // (autovacuum on): the machine's own has autovacuum off for CI, where dead tuples only grow.
    LaunchedSystem.Settings settings =
        new LaunchedSystem.Settings(
            "soak",
            Map.of(
                "TB_EMBEDDED_POSTGRES", "1",
                "TB_EMBEDDED_POSTGRES_PORT", Integer.toString(postgresPort),
                "COMMENTSERVICE_RATELIMITS_COMMENTSPERMINUTE", "1000000"));
    try (Postgres machinePostgres = new Postgres();
        Broker broker = new Broker();
        LaunchedSystem launched =
            new LaunchedSystem(root, runDirectory, machinePostgres, broker, settings)) {
      say("starting the system (%s, logs in %s)".formatted(launched.instance(), runDirectory));
      RunningSystem system = launched.get();
      SoakTarget target =
          new SoakTarget(system, launched.instance(), postgresPort, 5672, broker.version());
      SoakResult result = new SoakRun(target, options, Soak::say).run();
      SoakReport report = new SoakReport(result);
      Path page = root.resolve("docs/reliability.md");
      report.write(page);
      System.out.println(report.figures().text());
      System.out.println(report.requests().text());
      say("wrote the soak section of %s and its plots".formatted(page));
      if (!report.moving().isEmpty()) {
        say("NOT FLAT: " + String.join("; ", report.moving()));
      }
    }
  }

  private static void say(String line) {
    System.out.println("[soak] " + line);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
