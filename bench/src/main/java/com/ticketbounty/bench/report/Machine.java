package com.ticketbounty.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a run measured on, as the report heads it. */
public final class Machine {
  private Machine() {}

  public static Map<String, String> describe(
      Map<String, String> postgresSettings, String rabbitVersion) {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    machine.put(
        "RAM", firstLine("/proc/meminfo").replaceAll("\\s+", " ").replace("MemTotal: ", ""));
    machine.put("kernel", firstLine("/proc/sys/kernel/osrelease"));
    machine.put(
        "JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("RabbitMQ", rabbitVersion + " (quorum queues, publisher confirms)");
    postgresSettings.forEach((name, value) -> machine.put("PostgreSQL " + name, value));
    machine.put("load average at start", firstLine("/proc/loadavg"));
    return machine;
  }

  private static String firstLine(String file) {
    try {
      return Files.readAllLines(Path.of(file)).get(0).trim();
    } catch (IOException | IndexOutOfBoundsException e) {
      return "?";
    }
  }
}
