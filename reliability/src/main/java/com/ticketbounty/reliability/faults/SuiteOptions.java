package com.ticketbounty.reliability.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The suite's command line: {@code [--faults 1,3] [--minutes-per-fault N] [--rate R]
 * [--recovery-limit-minutes M]}.
 *
 * @param root the project's root (its jars and docs/reliability.md)
 * @param faults the faults to run, by number
 * @param perFault each fault's phase (load all along, the fault in its middle third)
 * @param rate the load's requests per second
 * @param recoveryLimit how long after a fault's end its reconciliation may take to hold
 * @param writeDocs whether the table goes into docs/reliability.md
 */
public record SuiteOptions(
    Path root,
    List<Integer> faults,
    Duration perFault,
    double rate,
    Duration recoveryLimit,
    boolean writeDocs) {
  public static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6, 7);

  public static SuiteOptions parse(Path root, String... args) {
    List<Integer> faults = ALL;
    Duration perFault = Duration.ofMinutes(1);
    double rate = 8;
    Duration recoveryLimit = Duration.ofMinutes(5);
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--faults" -> faults = numbers(value);
        case "--minutes-per-fault" -> perFault = minutes(value);
        case "--rate" -> rate = Double.parseDouble(value);
        case "--recovery-limit-minutes" -> recoveryLimit = minutes(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option %s; usage: [--faults 1,3] [--minutes-per-fault N] [--rate R]"
                        .formatted(args[i])
                    + " [--recovery-limit-minutes M]");
      }
      i++;
    }
    return new SuiteOptions(root, faults, perFault, rate, recoveryLimit, true);
  }

  private static List<Integer> numbers(String list) {
    List<Integer> numbers = new ArrayList<>();
    Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).forEach(numbers::add);
    return List.copyOf(numbers);
  }

  private static Duration minutes(String value) {
    return Duration.ofMillis(Math.round(Double.parseDouble(value) * 60_000));
  }
}
