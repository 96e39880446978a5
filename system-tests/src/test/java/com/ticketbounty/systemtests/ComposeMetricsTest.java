package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml's observability: Prometheus scrapes every service's management port (its HTTP
 * port + 1000) at /actuator/prometheus, which no port publishes; every service logs JSON and sends
 * its spans to the trace backend.
 */
class ComposeMetricsTest {
  private static final String PROMETHEUS = "observability/prometheus/prometheus.yml";

  /** The services of the product (each has a database), by name, with their environment. */
  private static Map<String, Map<String, String>> productServices() throws IOException {
    Map<String, Map<String, String>> services = new LinkedHashMap<>();
    ComposeFile.serviceEnvironments()
        .forEach(
            (name, environment) -> {
              if (environment.containsKey("DB_NAME")) {
                services.put(name, environment);
              }
            });
    assertThat(services).hasSize(6);
    return services;
  }

  @Test
  void everyServiceServesItsManagementPortAtItsHttpPortPlus1000() throws IOException {
    productServices()
        .forEach(
            (name, environment) -> {
              String variable = name.toUpperCase().replace('-', '_');
              int httpPort = Integer.parseInt(environment.get(variable + "_PORT"));
              assertThat(environment)
                  .as(name)
                  .containsEntry("MANAGEMENT_PORT", String.valueOf(httpPort + 1000))
                  .containsEntry(variable + "_MANAGEMENT_PORT", String.valueOf(httpPort + 1000));
            });
  }

  @Test
  void prometheusScrapesEveryManagementPortAtActuatorPrometheus() throws IOException {
    Map<String, String> scraped = new LinkedHashMap<>(); // host:port -> its service label
    for (Object node : (List<?>) ComposeFile.yaml(PROMETHEUS).get("scrape_configs")) {
      Map<String, Object> job = ComposeFile.map(node);
      if (!"/actuator/prometheus".equals(job.get("metrics_path"))) {
        continue;
      }
      for (Object config : (List<?>) job.get("static_configs")) {
        Map<String, Object> targets = ComposeFile.map(config);
        String service = String.valueOf(ComposeFile.map(targets.get("labels")).get("service"));
        ComposeFile.list(targets.get("targets")).forEach(target -> scraped.put(target, service));
      }
    }

    Map<String, String> expected = new LinkedHashMap<>();
    for (var service : productServices().entrySet()) {
      String port = service.getValue().get("MANAGEMENT_PORT");
      expected.put(hostOnInternalNetwork(service.getKey()) + ":" + port, service.getKey());
    }
    assertThat(scraped).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void prometheusLoadsTheAlertRulesAndGrafanaItsProvisioningFromTheRepository() throws IOException {
    Map<String, Object> services = ComposeFile.services();
    Set<String> mounted = new TreeSet<>();
    for (String name : List.of("prometheus", "grafana")) {
      for (String volume : ComposeFile.list(ComposeFile.map(services.get(name)).get("volumes"))) {
        String[] parts = volume.split(":");
        if (parts[0].startsWith("./")) {
          assertThat(RunCommand.REPOSITORY.resolve(parts[0])).as(volume).exists();
          mounted.add(parts[1]);
        }
      }
    }
    // rule_files are read relative to the configuration's directory in the container.
    for (String rules : ComposeFile.list(ComposeFile.yaml(PROMETHEUS).get("rule_files"))) {
      assertThat(mounted).contains("/etc/prometheus/" + rules);
      assertThat(RunCommand.REPOSITORY.resolve("observability/prometheus/" + rules)).exists();
    }
    assertThat(mounted).contains("/etc/prometheus/prometheus.yml", "/etc/grafana/provisioning");
  }

  @Test
  void noManagementPortIsPublished() throws IOException {
    Set<String> managementPorts = new TreeSet<>();
    productServices().values().forEach(env -> managementPorts.add(env.get("MANAGEMENT_PORT")));
    ComposeFile.services()
        .forEach(
            (name, service) ->
                assertThat(ComposeFile.list(ComposeFile.map(service).get("ports")))
                    .as(name)
                    .noneMatch(port -> managementPorts.contains(containerPort(port))));
  }

  /** The gateway's management port listens on a name it has on the internal network alone. */
  @Test
  void theGatewaysManagementAddressIsOnTheInternalNetworkOnly() throws IOException {
    String address = productServices().get("gateway").get("MANAGEMENT_ADDRESS");
    Map<String, Object> networks =
        ComposeFile.map(ComposeFile.map(ComposeFile.services().get("gateway")).get("networks"));

    assertThat(address).isEqualTo(hostOnInternalNetwork("gateway")).isNotEqualTo("gateway");
    networks.forEach(
        (network, settings) ->
            assertThat(ComposeFile.list(ComposeFile.map(settings).get("aliases")).contains(address))
                .as(network)
                .isEqualTo(network.equals("internal")));
  }

  @Test
  void everyServiceLogsJsonAndSendsItsSpansToTheTraceBackend() throws IOException {
    Map<String, Object> services = ComposeFile.services();
    productServices()
        .forEach(
            (name, environment) -> {
              assertThat(environment).as(name).containsEntry("LOG_FORMAT", "json");
              String endpoint = environment.get("ZIPKIN_ENDPOINT");
              assertThat(endpoint).as(name).isEqualTo("http://zipkin:9411/api/v2/spans");
            });
    assertThat(ComposeFile.list(ComposeFile.map(services.get("zipkin")).get("networks")))
        .contains("internal");
    assertThat(ComposeFile.list(ComposeFile.map(services.get("zipkin")).get("ports")))
        .containsExactly("127.0.0.1:9411:9411");
    assertThat(productServices().get("gateway"))
        .containsEntry("TRACE_UI_URL", "http://127.0.0.1:9411/zipkin/traces/{traceId}");
  }

  /** The name Prometheus reaches a service by: the gateway's internal alias, else its own. */
  private static String hostOnInternalNetwork(String service) throws IOException {
    Object networks = ComposeFile.map(ComposeFile.services().get(service)).get("networks");
    if (networks instanceof Map<?, ?> byName) {
      List<String> aliases =
          ComposeFile.list(ComposeFile.map(ComposeFile.map(byName).get("internal")).get("aliases"));
      if (!aliases.isEmpty()) {
        return aliases.get(0);
      }
    }
    return service;
  }

  private static String containerPort(String port) {
    String published = port.contains("/") ? port.substring(0, port.indexOf('/')) : port;
    return published.substring(published.lastIndexOf(':') + 1);
  }
}
