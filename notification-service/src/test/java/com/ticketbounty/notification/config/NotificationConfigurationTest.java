package com.ticketbounty.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.function.Concurrency;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.notification.adapter.out.email.LoggingEmailSender;
import com.ticketbounty.notification.adapter.out.email.ResendEmailSender;
import com.ticketbounty.notification.application.EmailSender;
import java.util.Optional;
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

  @Test
  void runsTicketCreatedAsADurableFunctionLimitedToFivePerOwner() {
    context.run(
        app ->
            assertThat(app.getBean(DurableFunction.class))
                .satisfies(
                    function -> {
                      assertThat(function.id()).isEqualTo("ticket-created");
                      assertThat(function.triggers())
                          .containsExactly(
                              new Trigger.OnEvent("app/ticket.created", Optional.empty()));
                      assertThat(function.concurrency())
                          .contains(new Concurrency(5, Optional.of("event.data.userId")));
                    }));
  }

  @Test
  void refusesToStartWithASenderThatIsNoAddress() {
    context
        .withPropertyValues("notification.email.from=TicketBounty")
        .run(app -> assertThat(app).hasFailed());
  }
}
