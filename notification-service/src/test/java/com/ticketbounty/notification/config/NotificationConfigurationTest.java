package com.ticketbounty.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.function.Concurrency;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.notification.application.EmailSender;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NotificationConfigurationTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(NotificationConfiguration.class)
          // The providers are ProviderConfiguration's (ProviderConfigurationTest).
          .withBean(EmailSender.class, () -> (email, idempotencyKey) -> {})
          .withPropertyValues(
              "notification.app-base-url=http://localhost:3000",
              "notification.email.from=TicketBounty <noreply@ticketbounty.local>",
              "notification.email.timeout=10s");

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
