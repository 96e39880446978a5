package com.ticketbounty.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.notification.adapter.out.http.ResendEmailSender;
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
import com.ticketbounty.notification.application.ListSinkEmails;
import com.ticketbounty.notification.application.ListSinkEmails.Delivery;
import com.ticketbounty.notification.application.SlackMessages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

class ProviderConfigurationTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(ProviderConfiguration.class)
          .withBean(WebClient.Builder.class, WebClient::builder)
          // Never connected to here: the sink reaches its database only when used.
          .withBean(DataSource.class, PGSimpleDataSource::new)
          .withPropertyValues(
              "notification.app-base-url=http://localhost:3000",
              "notification.email.from=TicketBounty <noreply@ticketbounty.local>",
              "notification.email.timeout=10s");

  @Test
  void usesTheLocalStandInsWhenNoProviderIsConfigured() {
    context
        .withPropertyValues(
            "notification.email.base-url=",
            "notification.slack.webhook-url=",
            "notification.discord.webhook-url=",
            "notification.analytics.base-url=")
        .run(
            app -> {
              assertThat(app.getBean(EmailSender.class)).isInstanceOf(JdbcEmailSink.class);
              assertThat(app.getBean(SlackMessages.class)).isInstanceOf(LoggingSlackMessages.class);
              assertThat(app.getBean(DiscordMessages.class))
                  .isInstanceOf(LoggingDiscordMessages.class);
              assertThat(app.getBean(Analytics.class)).isInstanceOf(LoggingAnalytics.class);
            });
  }

  @Test
  void usesTheLocalStandInsWhenTheChatAndAnalyticsSettingsAreAbsent() {
    context.run(
        app -> {
          assertThat(app.getBean(SlackMessages.class)).isInstanceOf(LoggingSlackMessages.class);
          assertThat(app.getBean(DiscordMessages.class)).isInstanceOf(LoggingDiscordMessages.class);
          assertThat(app.getBean(Analytics.class)).isInstanceOf(LoggingAnalytics.class);
        });
  }

  @Test
  void callsEachProviderWhoseVariableIsSet() {
    context
        .withPropertyValues(
            "notification.email.base-url=https://api.resend.com",
            "notification.slack.webhook-url=https://hooks.slack.com/services/T0/B0/secret",
            "notification.discord.webhook-url=https://discord.com/api/webhooks/1/secret",
            "notification.analytics.base-url=https://api.segment.io")
        .run(
            app -> {
              assertThat(app.getBean(EmailSender.class)).isInstanceOf(ResendEmailSender.class);
              assertThat(app.getBean(SlackMessages.class)).isInstanceOf(WebhookSlackMessages.class);
              assertThat(app.getBean(DiscordMessages.class))
                  .isInstanceOf(WebhookDiscordMessages.class);
              assertThat(app.getBean(Analytics.class)).isInstanceOf(SegmentAnalytics.class);
            });
  }

  @Test
  void listsNothingWhenAProviderDeliversTheEmails() {
    context
        .withPropertyValues("notification.email.base-url=https://api.resend.com")
        .run(
            app ->
                assertThat(app.getBean(ListSinkEmails.class).list(50, Optional.empty()).delivery())
                    .isEqualTo(Delivery.PROVIDER));
  }

  @Test
  void refusesToStartWithAWebhookThatIsNoUrlWithoutLoggingIt() {
    context
        .withPropertyValues("notification.slack.webhook-url=hooks.slack.com/services/s3cr3t")
        .run(
            app -> {
              assertThat(app).hasFailed();
              assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("slack");
              StringWriter trace = new StringWriter();
              app.getStartupFailure().printStackTrace(new PrintWriter(trace));
              assertThat(trace.toString()).doesNotContain("s3cr3t");
            });
  }
}
