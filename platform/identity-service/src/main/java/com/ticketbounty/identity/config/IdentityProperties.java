package com.ticketbounty.identity.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code identity.*}.
 *
 * @param adminEmails comma-separated addresses that get the ADMIN role at sign-up ({@code
 *     ADMIN_EMAILS})
 * @param appBaseUrl the frontend's URL; reset links point there ({@code APP_BASE_URL})
 * @param rateLimits attempt limits of sign-in, forgot-password, sign-up, password reset and change,
 *     and verification requests
 * @param keys how the signing keys are kept
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
    @DefaultValue("") String adminEmails,
    @DefaultValue("http://localhost:3000") String appBaseUrl,
    @DefaultValue RateLimits rateLimits,
    @DefaultValue Keys keys) {

  /**
   * @param attemptsPerMinute per client address and per account (or e-mail, or reset token), for
   *     each limited endpoint on its own (API.md: 10; a test system may raise it)
   */
  public record RateLimits(@DefaultValue("10") int attemptsPerMinute) {}

  /**
   * @param reloadInterval how often an instance rereads the keys (another instance's rotation is
   *     seen within this)
   */
  public record Keys(@DefaultValue("10s") Duration reloadInterval) {}
}
