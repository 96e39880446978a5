package com.ticketbounty.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (utime + stime, all threads, in clock ticks
 * of 10 ms). PostgreSQL is the sum over every process named {@code postgres} — backends of every
 * database included, so other work on the server counts too — and RabbitMQ is {@code beam.smp}.
 */
final class ProcessCpu {
  private static final double MILLIS_PER_TICK = 10.0; // CLK_TCK is 100 on Linux

  private ProcessCpu() {}

  static double millisOf(long pid) {
    return ticks(Path.of("/proc", Long.toString(pid), "stat")) * MILLIS_PER_TICK;
  }

  static double millisOfAll(String command) {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
              .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
              .map(p -> p.resolve("stat"))
              .filter(stat -> command.equals(commandOf(stat)))
              .mapToLong(ProcessCpu::ticks)
              .sum()
          * MILLIS_PER_TICK;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String commandOf(Path stat) {
    String text = read(stat);
    int open = text.indexOf('(');
    int close = text.lastIndexOf(')');
    return open < 0 || close < open ? "" : text.substring(open + 1, close);
  }

  private static long ticks(Path stat) {
    String text = read(stat);
    int close = text.lastIndexOf(')');
    if (close < 0) {
      return 0;
    }
    // after "(comm) ": state is field 3, utime field 14, stime field 15
    String[] fields = text.substring(close + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static String read(Path stat) {
    try {
      return Files.readString(stat);
    } catch (IOException e) {
      return ""; // the process has exited
    }
  }
}
