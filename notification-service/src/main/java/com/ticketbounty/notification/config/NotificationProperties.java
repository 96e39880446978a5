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
 * @param slack the Slack webhook
 * @param discord the Discord webhook
 * @param analytics the analytics collector
 * @param welcomeEmailDelay how long after sign-up the welcome e-mail goes ({@code
 *     WELCOME_EMAIL_DELAY}, ISO-8601, default 15 minutes)
 */
@ConfigurationProperties("notification")
public record NotificationProperties(
    String appBaseUrl,
    EmailProvider email,
    @DefaultValue Webhook slack,
    @DefaultValue Webhook discord,
    @DefaultValue AnalyticsCollector analytics,
    @DefaultValue("PT15M") Duration welcomeEmailDelay) {

  public NotificationProperties {
    if (welcomeEmailDelay.isNegative()) {
      throw new IllegalArgumentException(
          "notification.welcome-email-delay must not be negative, was " + welcomeEmailDelay);
    }
  }

  /**
   * @param baseUrl the Resend-compatible API ({@code EMAIL_BASE_URL}); unset or blank: e-mails go
   *     to the local sink
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

  /**
   * @param webhookUrl the webhook ({@code SLACK_WEBHOOK_URL}, {@code DISCORD_WEBHOOK_URL}), a
   *     secret; unset or blank: messages are logged
   * @param timeout how long one post may take
   */
  public record Webhook(@Nullable String webhookUrl, @DefaultValue("10s") Duration timeout) {

    public boolean configured() {
      return webhookUrl != null && !webhookUrl.isBlank();
    }
  }

  /**
   * @param baseUrl the Segment-style collector ({@code ANALYTICS_BASE_URL}); events go to {@code
   *     <base>/v1/track}; unset or blank: events are logged
   * @param timeout how long one call may take
   */
  public record AnalyticsCollector(
      @Nullable String baseUrl, @DefaultValue("10s") Duration timeout) {

    public boolean configured() {
      return baseUrl != null && !baseUrl.isBlank();
    }
  }
}
