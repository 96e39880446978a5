package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard Grafana provisions in compose parses, reads its one provisioned data source and
 * only series the services publish, and shows runs, failures, step latency, backlog and dead
 * letters.
 */
class GrafanaDashboardTest {
  private static final String DASHBOARDS = "observability/grafana/dashboards/";

  private static JsonNode dashboard() throws IOException {
    String json =
        Files.readString(RunCommand.REPOSITORY.resolve(DASHBOARDS + "event-runtime.json"));
    return JsonMapper.shared().readTree(json);
  }

  /** Every panel, the ones inside a collapsed row too. */
  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  @Test
  void everyPanelQueriesTheProvisionedPrometheusForPublishedSeries() throws IOException {
    String datasource =
        String.valueOf(
            ComposeFile.map(
                    ((List<?>)
                            ComposeFile.yaml(
                                    "observability/grafana/provisioning/datasources/prometheus.yml")
                                .get("datasources"))
                        .get(0))
                .get("uid"));
    List<JsonNode> queried =
        panels(dashboard()).stream().filter(panel -> !"row".equals(type(panel))).toList();

    assertThat(queried).hasSizeGreaterThanOrEqualTo(10);
    for (JsonNode panel : queried) {
      String title = panel.path("title").asString();
      assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo(datasource);
      assertThat(panel.path("targets").size()).as(title).isPositive();
      for (JsonNode target : panel.path("targets")) {
        Set<String> metrics = PromQl.metricNames(target.path("expr").asString());
        assertThat(metrics).as(title).isNotEmpty().allMatch(PromQl::published);
      }
    }
  }

  @Test
  void theDashboardShowsRunsFailuresStepLatencyBacklogAndDeadLetters() throws IOException {
    Set<String> shown = new TreeSet<>();
    for (JsonNode panel : panels(dashboard())) {
      panel
          .path("targets")
          .forEach(t -> shown.addAll(PromQl.metricNames(t.path("expr").asString())));
    }
    assertThat(shown)
        .contains(
            "eventruntime_runs_total",
            "eventruntime_step_duration_seconds_bucket",
            "eventruntime_step_duration_seconds_sum",
            "eventruntime_dead_letters",
            "eventruntime_outbox_backlog",
            "eventruntime_runs_waiting",
            "eventruntime_concurrency_wait_seconds_max",
            "http_server_requests_seconds_count");
  }

  @Test
  void grafanaLoadsTheDashboardsFolderItIsGiven() throws IOException {
    String path =
        String.valueOf(
            ComposeFile.map(
                    ComposeFile.map(
                            ((List<?>)
                                    ComposeFile.yaml(
                                            "observability/grafana/provisioning/dashboards/dashboards.yml")
                                        .get("providers"))
                                .get(0))
                        .get("options"))
                .get("path"));
    assertThat(
            ComposeFile.list(ComposeFile.map(ComposeFile.services().get("grafana")).get("volumes")))
        .contains("./" + DASHBOARDS.substring(0, DASHBOARDS.length() - 1) + ":" + path + ":ro");
  }

  private static String type(JsonNode panel) {
    return panel.path("type").asString();
  }
}
