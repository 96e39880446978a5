package com.ticketbounty.serviceweb.telemetry;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * One set of telemetry defaults for the gateway and every service, derived from the variables of
 * the run command and docker-compose ({@code MANAGEMENT_PORT}, {@code MANAGEMENT_ADDRESS}, {@code
 * ZIPKIN_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code LOG_FORMAT}). They are added last,
 * so a process's own configuration (or a test's) still overrides any of them. It runs after the
 * configuration files are read (it needs {@code server.port}) and before logging starts, which
 * reads the structured-logging format.
 */
public final class TelemetryDefaults implements EnvironmentPostProcessor, Ordered {
  static final String SOURCE = "ticketbountyTelemetryDefaults";

  /** The management port when neither MANAGEMENT_PORT nor management.server.port says one. */
  static final int MANAGEMENT_PORT_OFFSET = 1000;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults(environment)));
  }

  static Map<String, Object> defaults(Environment environment) {
    Map<String, Object> defaults = new HashMap<>();
    management(environment, defaults);
    tracing(environment, defaults);
    logging(environment, defaults);
    return defaults;
  }

  /**
   * Actuator only on a port of its own, never on the public one (the gateway's faces the network);
   * it listens on the process's own address, the gateway's on loopback unless MANAGEMENT_ADDRESS
   * names another (docker-compose: the container's interface, for Prometheus).
   */
  private static void management(Environment environment, Map<String, Object> defaults) {
    defaults.put("management.server.port", managementPort(environment));
    String address = text(environment, "MANAGEMENT_ADDRESS");
    if (address == null) {
      address = text(environment, "server.address");
    }
    defaults.put("management.server.address", address == null ? "127.0.0.1" : address);
    defaults.put("management.endpoints.web.exposure.include", "health,prometheus");
  }

  /**
   * MANAGEMENT_PORT, else the HTTP port + 1000; a random HTTP port (0, tests) gets a random one.
   */
  static int managementPort(Environment environment) {
    Integer port = environment.getProperty("MANAGEMENT_PORT", Integer.class);
    if (port != null) {
      return port;
    }
    int serverPort = environment.getProperty("server.port", Integer.class, 8080);
    return serverPort > 0 ? serverPort + MANAGEMENT_PORT_OFFSET : 0;
  }

  /**
   * Every request traced (sampling 100 %: the volumes are small and a missing trace is worse than
   * its cost); spans leave the process only to an endpoint that was given. The OTel context follows
   * a request through Reactor, so that the outbox row written in its R2DBC transaction captures the
   * server span as its parent.
   */
  private static void tracing(Environment environment, Map<String, Object> defaults) {
    defaults.put("management.tracing.sampling.probability", "1.0");
    defaults.put("spring.reactor.context-propagation", "auto");
    String zipkin = text(environment, "ZIPKIN_ENDPOINT");
    defaults.put("management.tracing.export.zipkin.enabled", zipkin != null);
    if (zipkin != null) {
      defaults.put("management.tracing.export.zipkin.endpoint", zipkin);
    }
    String otlp = text(environment, "OTEL_EXPORTER_OTLP_ENDPOINT");
    defaults.put("management.tracing.export.otlp.enabled", otlp != null);
    if (otlp != null) {
      // The variable names the collector's base address (OTel's convention); traces go to
      // /v1/traces.
      defaults.put(
          "management.opentelemetry.tracing.export.otlp.endpoint",
          otlp.replaceAll("/+$", "") + "/v1/traces");
    }
  }

  /** LOG_FORMAT=json: Boot's structured logging in Elastic Common Schema, MDC keys as fields. */
  private static void logging(Environment environment, Map<String, Object> defaults) {
    String format = text(environment, "LOG_FORMAT");
    if (format != null && format.equalsIgnoreCase("json")) {
      defaults.put("logging.structured.format.console", "ecs");
      // Every line of the output is then one JSON document: no banner before the first.
      defaults.put("spring.main.banner-mode", "off");
    }
  }

  private static @Nullable String text(Environment environment, String name) {
    String value = environment.getProperty(name);
    return StringUtils.hasText(value) ? value.trim() : null;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
