package com.ticketbounty.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.function.Concurrency;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.notification.application.AlertFunctionFailure;
import com.ticketbounty.notification.application.RecordingChat;
import com.ticketbounty.notification.application.SlackMessages;
import com.ticketbounty.notification.domain.FailureReport;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

/** The service's wiring: every function of DESIGN.md §8 and every read-model projection. */
class FunctionConfigurationTest {
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(
              NotificationConfiguration.class,
              ReadModelConfiguration.class,
              UseCaseConfiguration.class,
              FunctionConfiguration.class)
          .withBean(WebClient.Builder.class, WebClient::builder)
          // Never connected to: the beans only keep it.
          .withBean(DataSource.class, PGSimpleDataSource::new)
          .withPropertyValues(
              "notification.app-base-url=http://localhost:3000",
              "notification.email.from=TicketBounty <noreply@ticketbounty.local>",
              "notification.email.timeout=10s");

  @Test
  void runsTicketCreatedOnMajor2LimitedToFivePerOwner() {
    context.run(
        app -> {
          DurableFunction function = app.getBean(DurableFunction.class);
          assertThat(function.id()).isEqualTo("ticket-created");
          assertThat(function.triggers())
              .containsExactly(
                  new Trigger.OnEvent(
                      "app/ticket.created", Optional.of("event.v.startsWith('2.')")));
          assertThat(function.concurrency())
              .contains(new Concurrency(5, Optional.of("event.data.userId")));
        });
  }

  @Test
  void keepsTheReadModelsWithAProjectionPerEvent() {
    context.run(
        app ->
            assertThat(app.getBeansOfType(Projection.class))
                .containsOnlyKeys(
                    "recipientsAccountCreated",
                    "recipientsProfileUpdated",
                    "participantsTicketCreated",
                    "participantsTicketUpdated",
                    "participantsTicketAssigned",
                    "participantsTicketDeleted",
                    "participantsCommentPosted",
                    "participantsCommentDeleted"));
  }

  @Test
  void alertsThroughTheServicesSlackAdapterWhenThereIsOne() {
    RecordingChat chat = new RecordingChat();
    context
        .withBean(SlackMessages.class, () -> chat)
        .run(
            app -> {
              app.getBean(AlertFunctionFailure.class)
                  .alert(new FailureReport("s", "f", "r", "e", null, null));
              assertThat(chat.slack()).hasSize(1);
            });
  }

  @Test
  void refusesToStartWithASenderThatIsNoAddress() {
    context
        .withPropertyValues("notification.email.from=TicketBounty")
        .run(app -> assertThat(app).hasFailed());
  }

  @Test
  void refusesANegativeWelcomeDelay() {
    context
        .withPropertyValues("notification.welcome-email-delay=-PT1M")
        .run(app -> assertThat(app).hasFailed());
  }
}
