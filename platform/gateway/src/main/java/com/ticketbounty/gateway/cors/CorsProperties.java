package com.ticketbounty.gateway.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.cors.*}.
 *
 * @param allowedOrigins the frontend origins ({@code CORS_ALLOWED_ORIGINS}, comma-separated), such
 *     as {@code https://app.example.com}; compared exactly
 * @param maxAge how long a browser may cache a preflight's answer
 */
@ConfigurationProperties("gateway.cors")
public record CorsProperties(
    @DefaultValue("http://localhost:3000") List<String> allowedOrigins,
    @DefaultValue("1h") Duration maxAge) {

  public CorsProperties {
    allowedOrigins = allowedOrigins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
