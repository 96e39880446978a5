package com.ticketbounty.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The service's settings as they bind ({@code notification.*}). */
class NotificationConfigurationTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(NotificationConfiguration.class)
          .withPropertyValues(
              "notification.app-base-url=http://localhost:3000",
              "notification.email.from=TicketBounty <noreply@ticketbounty.local>",
              "notification.email.timeout=10s");

  @Test
  void waitsFifteenMinutesBeforeTheWelcomeEmailUnlessTold() {
    context.run(
        app ->
            assertThat(app.getBean(NotificationProperties.class).welcomeEmailDelay())
                .isEqualTo(Duration.ofMinutes(15)));
    context
        .withPropertyValues("notification.welcome-email-delay=PT5S")
        .run(
            app ->
                assertThat(app.getBean(NotificationProperties.class).welcomeEmailDelay())
                    .isEqualTo(Duration.ofSeconds(5)));
  }

  @Test
  void refusesToStartWithANegativeWelcomeDelay() {
    context
        .withPropertyValues("notification.welcome-email-delay=-PT1S")
        .run(app -> assertThat(app).hasFailed());
  }

  @Test
  void leavesChatAndAnalyticsUnsetByDefault() {
    context.run(
        app -> {
          NotificationProperties properties = app.getBean(NotificationProperties.class);
          assertThat(properties.slack().configured()).isFalse();
          assertThat(properties.discord().configured()).isFalse();
          assertThat(properties.analytics().configured()).isFalse();
        });
  }
}
