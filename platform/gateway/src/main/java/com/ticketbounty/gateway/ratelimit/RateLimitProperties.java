package com.ticketbounty.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.rate-limits.*}.
 *
 * @param attemptsPerMinute how many sign-in attempts, and how many forgot-password requests, one
 *     client address may make per minute (API.md: 10; a test system may raise it)
 */
@ConfigurationProperties("gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("10") int attemptsPerMinute) {

  public RateLimitProperties {
    if (attemptsPerMinute < 1) {
      throw new IllegalArgumentException("gateway.rate-limits.attempts-per-minute must be >= 1");
    }
  }
}
