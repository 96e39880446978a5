package com.ticketbounty.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.notification.adapter.out.email.LoggingEmailSender;
import com.ticketbounty.notification.adapter.out.email.ResendEmailSender;
import com.ticketbounty.notification.application.EmailSender;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

class NotificationConfigurationTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(NotificationConfiguration.class)
          .withBean(WebClient.Builder.class, WebClient::builder)
          .withPropertyValues(
              "notification.app-base-url=http://localhost:3000",
              "notification.email.from=TicketBounty <noreply@ticketbounty.local>",
              "notification.email.timeout=10s");

  @Test
  void logsEmailsWhenNoProviderIsConfigured() {
    context
        .withPropertyValues("notification.email.base-url=")
        .run(
            app ->
                assertThat(app.getBean(EmailSender.class)).isInstanceOf(LoggingEmailSender.class));
  }

  @Test
  void sendsThroughTheProviderWhenItsBaseUrlIsSet() {
    context
        .withPropertyValues("notification.email.base-url=https://api.resend.com")
        .run(
            app ->
                assertThat(app.getBean(EmailSender.class)).isInstanceOf(ResendEmailSender.class));
  }
}
