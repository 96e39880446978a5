package com.ticketbounty.bench;

import com.ticketbounty.bench.driver.Timing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A run's settings. The defaults are the full run; {@code --quick} shortens every window; the smoke
 * test shortens them further. {@code docs} is where docs/benchmarks.md and its plots go (none for
 * the smoke test, which writes only under target/).
 */
public record BenchOptions(
    Path root,
    Set<String> scenarios,
    Optional<String> compare,
    Timing timing,
    List<Double> rates,
    int searchSteps,
    List<Integer> stepCounts,
    double stepRate,
    int relayMessages,
    int messageSize,
    List<Double> providerRates,
    SystemRates systemRates,
    Path results,
    Optional<Path> docs,
    String mode) {

  public static BenchOptions full(Path root) {
    return new BenchOptions(
        root,
        Set.of(),
        Optional.empty(),
        new Timing(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)),
        List.of(100.0, 300.0, 600.0),
        5,
        List.of(1, 2, 5, 10),
        100,
        20_000,
        512,
        List.of(25.0, 50.0, 100.0, 200.0),
        new SystemRates(List.of(10.0, 20.0, 40.0), List.of(50.0, 100.0, 200.0)),
        root.resolve("bench/target/results"),
        Optional.of(root.resolve("docs")),
        "full");
  }

  public BenchOptions quick() {
    return new BenchOptions(
        root,
        scenarios,
        compare,
        new Timing(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(15)),
        rates,
        2,
        stepCounts,
        stepRate,
        5_000,
        messageSize,
        List.of(40.0, 100.0, 200.0),
        new SystemRates(List.of(10.0, 40.0), List.of(50.0, 200.0)),
        results,
        docs,
        "quick");
  }

  /** A few seconds per scenario at low rates, everything written under {@code target}. */
  public static BenchOptions smoke(Path root, Path target) {
    return new BenchOptions(
        root,
        Set.of(),
        Optional.empty(),
        new Timing(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(15)),
        List.of(30.0),
        0,
        List.of(1, 2),
        30,
        500,
        512,
        List.of(10.0),
        new SystemRates(List.of(5.0), List.of(20.0)),
        target,
        Optional.empty(),
        "smoke");
  }

  public boolean runs(String scenario) {
    return scenarios.isEmpty() || scenarios.contains(scenario);
  }

  /** Parses {@code [--quick] [--scenarios 1,3] [--compare <rev>]}. */
  public static BenchOptions parse(Path root, String[] args) {
    BenchOptions options = full(root);
    boolean quick = false;
    Set<String> scenarios = new TreeSet<>();
    Optional<String> compare = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--scenarios" -> scenarios.addAll(List.of(value(args, ++i).split(",")));
        case "--compare" -> compare = Optional.of(value(args, ++i));
        case "--rates" -> options = options.withRates(rates(value(args, ++i)));
        default ->
            throw new IllegalArgumentException(
                "unknown argument %s; usage: bench.sh [--quick] [--scenarios 1,3] [--compare <rev>]"
                        .formatted(args[i])
                    + " [--rates 100,300,600]");
      }
    }
    BenchOptions chosen = quick ? options.quick() : options;
    return chosen.with(Set.copyOf(scenarios), compare);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static List<Double> rates(String list) {
    List<Double> rates = new ArrayList<>();
    for (String rate : list.split(",")) {
      rates.add(Double.parseDouble(rate));
    }
    return List.copyOf(rates);
  }

  public BenchOptions with(Set<String> newScenarios, Optional<String> newCompare) {
    return new BenchOptions(
        root,
        newScenarios,
        newCompare,
        timing,
        rates,
        searchSteps,
        stepCounts,
        stepRate,
        relayMessages,
        messageSize,
        providerRates,
        systemRates,
        results,
        docs,
        mode);
  }

  public BenchOptions withRates(List<Double> newRates) {
    return new BenchOptions(
        root,
        scenarios,
        compare,
        timing,
        newRates,
        searchSteps,
        stepCounts,
        stepRate,
        relayMessages,
        messageSize,
        providerRates,
        systemRates,
        results,
        docs,
        mode);
  }
}
