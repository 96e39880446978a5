package com.ticketbounty.systemtests;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, and whether the services publish them: the event
 * runtime's series (docs/event-runtime.md, "Metrics"), Boot's HTTP and JVM series and Prometheus's
 * own {@code up}. Enough PromQL for the alert rules and the dashboard of observability/.
 */
final class PromQl {
  private PromQl() {}

  /** The event runtime's series by their Prometheus names, each with the suffixes it has. */
  private static final List<String> EVENT_RUNTIME =
      List.of(
          "eventruntime_runs_total",
          "eventruntime_step_retries_total",
          "eventruntime_runs_waiting",
          "eventruntime_dead_letters",
          "eventruntime_outbox_backlog");

  private static final List<String> EVENT_RUNTIME_TIMERS =
      List.of(
          "eventruntime_run_duration_seconds",
          "eventruntime_step_duration_seconds",
          "eventruntime_concurrency_wait_seconds");

  private static final Set<String> TIMER_SUFFIXES = Set.of("_count", "_sum", "_max", "_bucket");

  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

  /** What is not a name: strings, label matchers, ranges, grouping clauses, template variables. */
  private static final List<Pattern> NOT_NAMES =
      List.of(
          Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\""),
          Pattern.compile("\\{[^}]*}"),
          Pattern.compile("\\[[^]]*]"),
          Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)"),
          Pattern.compile("\\$\\w+"));

  /** An identifier not called like a function (those are followed by an opening parenthesis). */
  private static final Pattern NAME =
      Pattern.compile("(?<![\\w.])([A-Za-z_:][A-Za-z0-9_:]*)(?!\\s*\\(|[\\w])");

  static Set<String> metricNames(String expression) {
    String rest = expression;
    for (Pattern notName : NOT_NAMES) {
      rest = notName.matcher(rest).replaceAll(" ");
    }
    Set<String> names = new TreeSet<>();
    Matcher matcher = NAME.matcher(rest);
    while (matcher.find()) {
      if (!KEYWORDS.contains(matcher.group(1))) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  static boolean published(String metric) {
    if (metric.equals("up") || metric.startsWith("jvm_") || EVENT_RUNTIME.contains(metric)) {
      return true;
    }
    String timer = metric.replaceFirst("_(count|sum|max|bucket)$", "");
    return !timer.equals(metric)
        && TIMER_SUFFIXES.contains(metric.substring(timer.length()))
        && (EVENT_RUNTIME_TIMERS.contains(timer) || timer.equals("http_server_requests_seconds"));
  }
}
