package com.ticketbounty.notification.config;

import com.ticketbounty.notification.adapter.out.http.ResendEmailSender;
import com.ticketbounty.notification.adapter.out.http.ResendSettings;
import com.ticketbounty.notification.adapter.out.http.SegmentAnalytics;
import com.ticketbounty.notification.adapter.out.http.WebhookDiscordMessages;
import com.ticketbounty.notification.adapter.out.http.WebhookSlackMessages;
import com.ticketbounty.notification.adapter.out.log.LoggingAnalytics;
import com.ticketbounty.notification.adapter.out.log.LoggingDiscordMessages;
import com.ticketbounty.notification.adapter.out.log.LoggingSlackMessages;
import com.ticketbounty.notification.adapter.out.persistence.JdbcEmailSink;
import com.ticketbounty.notification.application.Analytics;
import com.ticketbounty.notification.application.DiscordMessages;
import com.ticketbounty.notification.application.EmailSender;
import com.ticketbounty.notification.application.EmailSink;
import com.ticketbounty.notification.application.ListSinkEmails;
import com.ticketbounty.notification.application.SlackMessages;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the outbound providers (DESIGN.md §9–§10): each one's HTTP adapter when its variable is
 * set, otherwise its local stand-in — the e-mail sink in the service's database for e-mails, a log
 * line for chat messages and analytics events. One line at start-up says which, never a webhook's
 * URL (its secret).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class ProviderConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderConfiguration.class);

  // Only for Retry-After dates; the runtime keeps its own (PostgreSQL's) clock for due times.
  private final Clock clock = Clock.systemUTC();

  /** The provider when {@code EMAIL_BASE_URL} is set, otherwise the local sink. */
  @Bean
  EmailSender emailSender(
      NotificationProperties properties, WebClient.Builder webClient, DataSource dataSource) {
    NotificationProperties.EmailProvider email = properties.email();
    if (!email.configured()) {
      LOG.info(
          "EMAIL_BASE_URL is unset: e-mails go to the local sink"
              + " (GET /internal/notifications/emails)");
      return new JdbcEmailSink(dataSource);
    }
    String baseUrl = Objects.requireNonNull(email.baseUrl());
    LOG.info("E-mails are sent through {}", baseUrl);
    return ResendEmailSender.create(
        webClient,
        new ResendSettings(
            baseUrl, Objects.requireNonNullElse(email.apiKey(), ""), email.timeout()),
        clock);
  }

  /** Lists the sink when e-mails go there; answers that a provider delivers them otherwise. */
  @Bean
  ListSinkEmails listSinkEmails(EmailSender emailSender) {
    return emailSender instanceof EmailSink sink
        ? ListSinkEmails.from(sink)
        : ListSinkEmails.providerDelivers();
  }

  @Bean
  SlackMessages slackMessages(NotificationProperties properties, WebClient.Builder webClient) {
    NotificationProperties.Webhook slack = properties.slack();
    if (!slack.configured()) {
      LOG.info("SLACK_WEBHOOK_URL is unset: Slack messages are logged, not posted");
      return new LoggingSlackMessages();
    }
    LOG.info("Slack messages are posted to the configured webhook");
    return WebhookSlackMessages.create(
        webClient, Objects.requireNonNull(slack.webhookUrl()), slack.timeout(), clock);
  }

  @Bean
  DiscordMessages discordMessages(NotificationProperties properties, WebClient.Builder webClient) {
    NotificationProperties.Webhook discord = properties.discord();
    if (!discord.configured()) {
      LOG.info("DISCORD_WEBHOOK_URL is unset: Discord messages are logged, not posted");
      return new LoggingDiscordMessages();
    }
    LOG.info("Discord messages are posted to the configured webhook");
    return WebhookDiscordMessages.create(
        webClient, Objects.requireNonNull(discord.webhookUrl()), discord.timeout(), clock);
  }

  @Bean
  Analytics analytics(NotificationProperties properties, WebClient.Builder webClient) {
    NotificationProperties.AnalyticsCollector analytics = properties.analytics();
    if (!analytics.configured()) {
      LOG.info("ANALYTICS_BASE_URL is unset: analytics events are logged, not sent");
      return new LoggingAnalytics();
    }
    String baseUrl = Objects.requireNonNull(analytics.baseUrl());
    LOG.info("Analytics events are sent to {}", baseUrl);
    return SegmentAnalytics.create(webClient, baseUrl, analytics.timeout(), clock);
  }
}
