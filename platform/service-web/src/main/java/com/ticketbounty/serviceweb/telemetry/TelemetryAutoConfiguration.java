package com.ticketbounty.serviceweb.telemetry;

import io.micrometer.observation.ObservationFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * What every process adds to Boot's observations. The SDK ({@code OpenTelemetry} bean), the
 * exporters, the Prometheus registry ({@code MeterRegistry} bean) and the observed
 * WebClient.Builder are Boot's own; {@link TelemetryDefaults} sets them up from the environment.
 */
@AutoConfiguration
@ConditionalOnClass(ObservationFilter.class)
public class TelemetryAutoConfiguration {

  @Bean
  UrlRedaction urlRedaction() {
    return new UrlRedaction();
  }
}
