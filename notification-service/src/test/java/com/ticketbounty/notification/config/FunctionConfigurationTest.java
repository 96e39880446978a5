package com.ticketbounty.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.function.Concurrency;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.eventruntime.stream.Projection;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
              ProviderConfiguration.class,
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
  void runsEveryWorkflowOfTheServiceWithItsTriggerAndConcurrency() {
    context.run(
        app -> {
          Map<String, DurableFunction> functions =
              app.getBeansOfType(DurableFunction.class).values().stream()
                  .collect(Collectors.toMap(DurableFunction::id, f -> f));
          assertThat(functions)
              .containsOnlyKeys(
                  "welcome-email",
                  "email-verification-code",
                  "password-reset",
                  "password-changed",
                  "ticket-created",
                  "urgent-ticket",
                  "comment-posted",
                  "ticket-assigned",
                  "ticket-updated",
                  "admin-digest-email",
                  "admin-digest-discord",
                  "batch-digest",
                  "function-failed");
          assertThat(functions.get("ticket-created").triggers())
              .containsExactly(new Trigger.OnEvent("app/ticket.created", Optional.empty()));
          assertThat(functions.get("ticket-created").majorOf("app/ticket.created"))
              .as("reads 2.0; the 1.0 beside it is acked by the runtime")
              .contains(2);
          assertThat(functions.get("ticket-created").concurrency())
              .contains(new Concurrency(5, Optional.of("event.data.userId")));
          assertThat(functions.get("comment-posted").concurrency())
              .contains(new Concurrency(10, Optional.of("event.data.ticketId")));
          assertThat(functions.get("batch-digest").triggers())
              .containsExactly(new Trigger.OnCron("0 8 * * *", ZoneOffset.UTC));
          assertThat(functions.get("function-failed").triggers())
              .containsExactly(new Trigger.OnEvent("runtime/function.failed", Optional.empty()));
          assertThat(functions.get("admin-digest-email").triggers())
              .isEqualTo(functions.get("admin-digest-discord").triggers());
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
