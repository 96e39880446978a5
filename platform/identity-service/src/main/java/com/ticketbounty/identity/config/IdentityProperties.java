package com.ticketbounty.identity.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code identity.*}.
 *
 * @param adminEmails comma-separated addresses that get the ADMIN role at sign-up ({@code
 *     ADMIN_EMAILS})
 * @param appBaseUrl the frontend's URL; reset links point there ({@code APP_BASE_URL})
 * @param rateLimits attempt limits of sign-in and forgot-password
 * @param keys how the signing keys are kept
 * @param serviceClients the services that get service tokens (OAuth2 client credentials): client id
 *     → secret, each secret also configured in its service ({@code ticketbounty.service-client.*})
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
    @DefaultValue("") String adminEmails,
    @DefaultValue("http://localhost:3000") String appBaseUrl,
    @DefaultValue RateLimits rateLimits,
    @DefaultValue Keys keys,
    Map<String, String> serviceClients) {

  public IdentityProperties {
    serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
  }

  /**
   * @param attemptsPerMinute per client address and per account, for each limited endpoint
   */
  public record RateLimits(@DefaultValue("10") int attemptsPerMinute) {}

  /**
   * @param reloadInterval how often an instance rereads the keys (another instance's rotation is
   *     seen within this)
   */
  public record Keys(@DefaultValue("10s") Duration reloadInterval) {}
}
