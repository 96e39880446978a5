package com.ticketbounty.reliability.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open TCP connections from each service's process to RabbitMQ, read with {@code ss -tnp} (the
 * soak's user owns the services, so {@code ss} names their PIDs): one AMQP connection is one TCP
 * connection, whatever channels it carries.
 */
final class BrokerConnections {
  private static final Pattern PID = Pattern.compile("pid=(\\d+),");

  private final int brokerPort;

  BrokerConnections(int brokerPort) {
    this.brokerPort = brokerPort;
  }

  /** Per service (name → PID given), its established connections to the broker's port now. */
  Map<String, Double> count(Map<String, Long> pids) throws IOException, InterruptedException {
    Process ss =
        new ProcessBuilder(
                "ss", "-Htnp", "state", "established", "( dport = :%d )".formatted(brokerPort))
            .redirectErrorStream(true)
            .start();
    String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ss.waitFor(30, TimeUnit.SECONDS)) {
      ss.destroyForcibly();
    }
    return perService(output, pids);
  }

  /** Counts the lines of {@code ss -tnp} output that name each service's PID. */
  static Map<String, Double> perService(String ssOutput, Map<String, Long> pids) {
    Map<Long, Integer> perPid = new LinkedHashMap<>();
    for (String line : ssOutput.lines().toList()) {
      Matcher pid = PID.matcher(line);
      if (pid.find()) {
        perPid.merge(Long.parseLong(pid.group(1)), 1, Integer::sum);
      }
    }
    Map<String, Double> counts = new LinkedHashMap<>();
    pids.forEach((service, pid) -> counts.put(service, (double) perPid.getOrDefault(pid, 0)));
    return counts;
  }
}
