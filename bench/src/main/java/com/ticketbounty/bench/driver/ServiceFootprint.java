package com.ticketbounty.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service process: Spring Boot's own account of its start-up from its log line {@code Started X
 * in S seconds (process running for P)} — P is the JVM's start to the application being ready, the
 * moment its health turns UP, which is what the run command waits for — and its resident memory
 * ({@code VmRSS} of {@code /proc/<pid>/status}) when this was read.
 */
public record ServiceFootprint(
    String service,
    long pid,
    OptionalDouble startedSeconds,
    OptionalDouble readySeconds,
    long rssKb) {
  private static final Pattern STARTED =
      Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
  private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

  static ServiceFootprint of(String service, long pid, Path log) {
    Matcher started = STARTED.matcher(read(log));
    boolean found = started.find();
    return new ServiceFootprint(
        service,
        pid,
        found ? OptionalDouble.of(Double.parseDouble(started.group(1))) : OptionalDouble.empty(),
        found ? OptionalDouble.of(Double.parseDouble(started.group(2))) : OptionalDouble.empty(),
        rssKb(pid).orElse(0));
  }

  /** The process's resident set now; empty once it has exited. */
  static OptionalLong rssKb(long pid) {
    Matcher rss = VM_RSS.matcher(read(Path.of("/proc", Long.toString(pid), "status")));
    return rss.find() ? OptionalLong.of(Long.parseLong(rss.group(1))) : OptionalLong.empty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return ""; // no log yet, or the process has exited
    }
  }
}
