package com.ticketbounty.notification.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings, bound from {@code notification.*} in application.yml, which maps the
 * environment variables of DESIGN.md §10 onto them.
 *
 * @param appBaseUrl the frontend's URL for links in e-mails ({@code APP_BASE_URL})
 * @param email the e-mail provider
 * @param welcomeEmailDelay how long after sign-up the welcome e-mail goes ({@code
 *     WELCOME_EMAIL_DELAY}, ISO-8601, default 15 minutes)
 */
@ConfigurationProperties("notification")
public record NotificationProperties(
    String appBaseUrl, EmailProvider email, @DefaultValue("PT15M") Duration welcomeEmailDelay) {

  public NotificationProperties {
    if (welcomeEmailDelay.isNegative()) {
      throw new IllegalArgumentException(
          "notification.welcome-email-delay must not be negative, was " + welcomeEmailDelay);
    }
  }

  /**
   * @param baseUrl the Resend-compatible API ({@code EMAIL_BASE_URL}); unset or blank: e-mails are
   *     only logged
   * @param apiKey its bearer key ({@code EMAIL_API_KEY})
   * @param from the sender ({@code EMAIL_FROM})
   * @param timeout how long one call to the provider may take
   */
  public record EmailProvider(
      @Nullable String baseUrl, @Nullable String apiKey, String from, Duration timeout) {

    public boolean configured() {
      return baseUrl != null && !baseUrl.isBlank();
    }
  }
}
