package com.ticketbounty.serviceweb.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TelemetryDefaultsTest {

  @Test
  void managementPortIsTheHttpPortPlus1000OnTheServicesAddress() {
    Map<String, Object> defaults =
        TelemetryDefaults.defaults(
            new MockEnvironment()
                .withProperty("server.port", "8082")
                .withProperty("server.address", "0.0.0.0"));

    assertThat(defaults)
        .containsEntry("management.server.port", 9082)
        .containsEntry("management.server.address", "0.0.0.0")
        .containsEntry("management.endpoints.web.exposure.include", "health,prometheus");
  }

  @Test
  void managementPortAndAddressFromTheirVariables() {
    Map<String, Object> defaults =
        TelemetryDefaults.defaults(
            new MockEnvironment()
                .withProperty("server.port", "8080")
                .withProperty("MANAGEMENT_PORT", "7001")
                .withProperty("MANAGEMENT_ADDRESS", "10.0.0.5"));

    assertThat(defaults)
        .containsEntry("management.server.port", 7001)
        .containsEntry("management.server.address", "10.0.0.5");
  }

  @Test
  void theGatewaysManagementPortListensOnLoopbackAndARandomHttpPortGetsARandomOne() {
    Map<String, Object> defaults =
        TelemetryDefaults.defaults(new MockEnvironment().withProperty("server.port", "0"));

    assertThat(defaults)
        .containsEntry("management.server.port", 0)
        .containsEntry("management.server.address", "127.0.0.1");
  }

  @Test
  void exportsNothingWithoutAnEndpoint() {
    Map<String, Object> defaults = TelemetryDefaults.defaults(new MockEnvironment());

    assertThat(defaults)
        .containsEntry("management.tracing.export.zipkin.enabled", false)
        .containsEntry("management.tracing.export.otlp.enabled", false)
        .containsEntry("management.tracing.sampling.probability", "1.0")
        .containsEntry("spring.reactor.context-propagation", "auto")
        .doesNotContainKey("management.opentelemetry.tracing.export.otlp.endpoint")
        .doesNotContainKey("logging.structured.format.console");
  }

  @Test
  void exportsToEachEndpointGiven() {
    Map<String, Object> defaults =
        TelemetryDefaults.defaults(
            new MockEnvironment()
                .withProperty("ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans")
                .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"));

    assertThat(defaults)
        .containsEntry("management.tracing.export.zipkin.enabled", true)
        .containsEntry(
            "management.tracing.export.zipkin.endpoint", "http://zipkin:9411/api/v2/spans")
        .containsEntry("management.tracing.export.otlp.enabled", true)
        .containsEntry(
            "management.opentelemetry.tracing.export.otlp.endpoint",
            "http://collector:4318/v1/traces");
  }

  @Test
  void jsonLogsInElasticCommonSchemaWithoutABanner() {
    Map<String, Object> defaults =
        TelemetryDefaults.defaults(new MockEnvironment().withProperty("LOG_FORMAT", "json"));

    assertThat(defaults)
        .containsEntry("logging.structured.format.console", "ecs")
        .containsEntry("spring.main.banner-mode", "off");
  }
}
