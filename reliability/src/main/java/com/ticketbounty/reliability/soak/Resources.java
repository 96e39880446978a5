package com.ticketbounty.reliability.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One sample of what the system holds: heap, connections, dead tuples and table sizes. */
final class Resources {
  static final String THROUGHPUT = "throughput, answers/s";
  static final String LATENCY = "latency, ms";
  static final String HEAP = "heap after full GC, MiB";
  static final String POSTGRES_CONNECTIONS = "PostgreSQL connections";
  static final String BROKER_CONNECTIONS = "RabbitMQ connections";
  static final String DEAD_TUPLES = "dead tuples";
  static final String TABLE_SIZE = "table size, MiB";
  static final String BYTES_PER_ROW = "bytes per live row";
  static final String AUTOVACUUMS = "autovacuum runs (cumulative)";
  static final String LOAD_AVERAGE = "machine load average (1 min)";

  private final HeapAfterGc heap;
  private final DatabaseStatistics databases;
  private final BrokerConnections broker;
  private final Map<String, Long> pids;

  Resources(
      HeapAfterGc heap,
      DatabaseStatistics databases,
      BrokerConnections broker,
      Map<String, Long> pids) {
    this.heap = heap;
    this.databases = databases;
    this.broker = broker;
    this.pids = pids;
  }

  Map<SampleTable.Series, Double> sample() throws IOException, InterruptedException, SQLException {
    Map<SampleTable.Series, Double> values = new LinkedHashMap<>();
    heap.usedMib().forEach((service, mib) -> values.put(series(HEAP, service), mib));
    databases
        .connections()
        .forEach((database, count) -> values.put(series(POSTGRES_CONNECTIONS, database), count));
    broker
        .count(pids)
        .forEach((service, count) -> values.put(series(BROKER_CONNECTIONS, service), count));
    databases
        .tables()
        .forEach(
            (database, tables) -> {
              values.put(series(DEAD_TUPLES, database), (double) tables.deadTuples());
              values.put(series(TABLE_SIZE, database), tables.bytes() / (1024.0 * 1024.0));
              values.put(
                  series(BYTES_PER_ROW, database),
                  tables.bytes() / (double) Math.max(1, tables.liveTuples()));
              values.put(series(AUTOVACUUMS, database), (double) tables.autovacuums());
            });
    loadAverage().ifPresent(load -> values.put(series(LOAD_AVERAGE, "all processes"), load));
    return values;
  }

  /** The machine's 1-minute load average: other work on the machine shows in every figure. */
  private static Optional<Double> loadAverage() {
    try {
      String line = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
      return Optional.of(Double.parseDouble(line.split(" ")[0]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static SampleTable.Series series(String group, String name) {
    return new SampleTable.Series(group, name);
  }
}
