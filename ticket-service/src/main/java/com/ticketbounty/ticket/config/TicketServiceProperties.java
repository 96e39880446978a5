package com.ticketbounty.ticket.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code ticket-service.*}.
 *
 * @param rateLimits how many tickets an account may open
 */
@ConfigurationProperties("ticket-service")
public record TicketServiceProperties(@DefaultValue RateLimits rateLimits) {

  /**
   * @param ticketsPerMinute tickets one account may open per minute, counted across every instance
   *     ({@code TICKETSERVICE_RATELIMITS_TICKETSPERMINUTE}; a test system may raise it)
   */
  public record RateLimits(@DefaultValue("10") int ticketsPerMinute) {}
}
