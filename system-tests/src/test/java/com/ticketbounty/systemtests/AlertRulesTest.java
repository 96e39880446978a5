package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules Prometheus evaluates in compose read only series the services publish, and each
 * leads to its section of docs/runbook.md.
 */
class AlertRulesTest {
  private static final String RUNBOOK = "docs/runbook.md";
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules() throws IOException {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Object group :
        (List<Object>) ComposeFile.yaml("observability/prometheus/alerts.yml").get("groups")) {
      for (Object rule : (List<Object>) ComposeFile.map(group).get("rules")) {
        rules.add(ComposeFile.map(rule));
      }
    }
    return rules;
  }

  @Test
  void theRulesAlertOnFailuresDeadLettersBacklogWaitingRunsAndDownServices() throws IOException {
    Set<String> read = new TreeSet<>();
    for (Map<String, Object> rule : rules()) {
      read.addAll(PromQl.metricNames(String.valueOf(rule.get("expr"))));
    }
    assertThat(read)
        .contains(
            "eventruntime_runs_total",
            "eventruntime_dead_letters",
            "eventruntime_outbox_backlog",
            "eventruntime_runs_waiting",
            "up");
  }

  @Test
  void everyRuleReadsOnlySeriesTheServicesPublish() throws IOException {
    for (Map<String, Object> rule : rules()) {
      Set<String> metrics = PromQl.metricNames(String.valueOf(rule.get("expr")));
      assertThat(metrics).as("%s", rule.get("alert")).isNotEmpty().allMatch(PromQl::published);
    }
  }

  @Test
  void everyAlertHasASummaryADescriptionAndARunbookSectionThatExists() throws IOException {
    Set<String> anchors = anchors(Files.readString(RunCommand.REPOSITORY.resolve(RUNBOOK)));
    for (Map<String, Object> rule : rules()) {
      Object alert = rule.get("alert");
      Map<String, Object> annotations = ComposeFile.map(rule.get("annotations"));
      assertThat(alert).as("an alerting rule").isNotNull();
      assertThat(String.valueOf(annotations.get("summary"))).as("%s", alert).isNotBlank();
      assertThat(String.valueOf(annotations.get("description"))).as("%s", alert).isNotBlank();
      String runbook = String.valueOf(annotations.get("runbook_url"));
      assertThat(runbook).as("%s", alert).startsWith(RUNBOOK + "#");
      assertThat(anchors).as("%s", alert).contains(runbook.substring(runbook.indexOf('#') + 1));
    }
  }

  @Test
  void anchorsAreWhatAMarkdownRendererMakesOfHeadings() {
    assertThat(anchors("# Runbook\n\n## ServiceDown\ntext\n### What to do: replay, redrive\n"))
        .containsExactlyInAnyOrder("runbook", "servicedown", "what-to-do-replay-redrive");
  }

  /** The anchors GitHub gives a document's headings (lower case, punctuation dropped). */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new TreeSet<>();
    Matcher heading = HEADING.matcher(markdown.replaceAll("(?s)```.*?```", ""));
    while (heading.find()) {
      anchors.add(
          heading
              .group(1)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }
}
