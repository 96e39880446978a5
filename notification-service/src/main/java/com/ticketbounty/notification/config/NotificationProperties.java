package com.ticketbounty.notification.config;

import com.ticketbounty.eventruntime.RetryPolicy;
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
 * @param providerSteps how the runtime retries a step whose provider call failed
 */
@ConfigurationProperties("notification")
public record NotificationProperties(
    String appBaseUrl,
    EmailProvider email,
    @DefaultValue Webhook slack,
    @DefaultValue Webhook discord,
    @DefaultValue AnalyticsCollector analytics,
    @DefaultValue("PT15M") Duration welcomeEmailDelay,
    @DefaultValue ProviderSteps providerSteps) {

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

  /**
   * Every function here calls a provider, so its steps retry for as long as a provider outage
   * plausibly lasts rather than the runtime's default of about 15 s: 12 retries, 2 s doubling to 2
   * minutes (each wait drawn from the upper half), 7 to 14 minutes in all. An e-mail that arrives
   * late is a small harm; one never sent is a lost side effect (docs/reliability.md, fault 6).
   *
   * @param retries attempts after the first
   * @param initialDelay the wait before the second attempt
   * @param maxDelay the longest wait between two attempts
   */
  public record ProviderSteps(
      @DefaultValue("12") int retries,
      @DefaultValue("2s") Duration initialDelay,
      @DefaultValue("2m") Duration maxDelay) {

    public RetryPolicy policy() {
      return new RetryPolicy(retries, initialDelay, maxDelay);
    }
  }
}
