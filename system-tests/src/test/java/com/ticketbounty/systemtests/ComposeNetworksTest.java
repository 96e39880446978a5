package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml keeps the broker, the database and the services on an internal network and
 * publishes the gateway alone; an operator UI (RabbitMQ's with its profile, Zipkin, Prometheus,
 * Grafana) binds to loopback.
 */
class ComposeNetworksTest {

  @Test
  void theInternalNetworkHasNoWayOut() throws IOException {
    assertThat(ComposeFile.map(ComposeFile.networks().get("internal")))
        .containsEntry("internal", true);
  }

  @Test
  void everyServiceOfTheStackIsOnTheInternalNetwork() throws IOException {
    ComposeFile.services()
        .forEach(
            (name, service) ->
                assertThat(ComposeFile.list(ComposeFile.map(service).get("networks")))
                    .as(name)
                    .contains("internal"));
  }

  @Test
  void theGatewayIsTheOnlyPublicServiceAndTheOperatorUisBindToLoopback() throws IOException {
    Set<String> onLoopback = new TreeSet<>();
    ComposeFile.services()
        .forEach(
            (name, node) -> {
              Map<String, Object> service = ComposeFile.map(node);
              List<String> ports = ComposeFile.list(service.get("ports"));
              boolean gateway = name.equals("gateway");
              if (gateway) {
                assertThat(ports).hasSize(1);
              } else if (!ports.isEmpty()) {
                assertThat(ports).as(name).allMatch(port -> port.startsWith("127.0.0.1:"));
                // An internal network publishes nothing: the UI is forwarded through `operator`.
                assertThat(ComposeFile.list(service.get("networks"))).as(name).contains("operator");
                onLoopback.add(name);
              }
              assertThat(ComposeFile.list(service.get("networks")).contains("public"))
                  .as(name)
                  .isEqualTo(gateway);
            });
    assertThat(onLoopback).containsExactly("grafana", "prometheus", "rabbitmq-ui", "zipkin");
  }

  @Test
  void servicesListenOnTheirNetworkInsideTheStack() throws IOException {
    ComposeFile.serviceEnvironments()
        .forEach(
            (name, environment) -> {
              if (environment.containsKey("DB_NAME")) {
                assertThat(environment).as(name).containsEntry("SERVER_ADDRESS", "0.0.0.0");
              }
            });
  }

  @Test
  void theBrokerUserIsNotGuestAndTheServicesUseIt() throws IOException {
    Map<String, Map<String, String>> environments = ComposeFile.serviceEnvironments();
    String user = environments.get("rabbitmq").get("RABBITMQ_DEFAULT_USER");
    String password = environments.get("rabbitmq").get("RABBITMQ_DEFAULT_PASS");

    assertThat(user).isNotBlank().isNotEqualTo("guest");
    assertThat(password).isNotBlank().isNotEqualTo("guest");
    environments.forEach(
        (name, environment) -> {
          if (environment.containsKey("DB_NAME")) {
            assertThat(environment)
                .as(name)
                .containsEntry("RABBITMQ_USERNAME", user)
                .containsEntry("RABBITMQ_PASSWORD", password);
          }
        });
  }
}
