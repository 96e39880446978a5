package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.FunctionFailed;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.EventRuntimeExtension;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.admin.UrgentTicketCreated;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.notification.application.AccountChange;
import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.EmailRejectedException;
import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import com.ticketbounty.notification.domain.TrackedEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EventRuntimeExtension.class)
class TicketCreatedFunctionTest {

  @Test
  void confirmsToTheOwnerAtTheAddressTheRecipientsModelHolds(TestRuntime runtime) {
    Workflows w = new Workflows(runtime);
    Recipient ada = w.recipients.add("ada", NotificationPreference.IMMEDIATE);
    runtime.register(w.ticketCreated().function());

    TicketCreatedV2 ticket = ticket(ada.userId(), "Fix the login page", "medium");
    runtime.send(ticket);

    RunRecord run = runtime.onlyRun(TicketCreatedFunction.ID);
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(w.stepKeys(run)).containsExactly("send-confirmation", "track-creation");
    Sent sent = w.emails.sent().get(0);
    assertThat(w.emails.sent()).hasSize(1);
    assertThat(sent.to()).isEqualTo(ada.email());
    assertThat(sent.idempotencyKey())
        .isEqualTo(Workflows.stepKey(run, "send-confirmation") + ":" + ada.userId());
    assertThat(sent.email().subject()).isEqualTo("Ticket created: Fix the login page");
    String link = Workflows.APP + "/tickets/" + ticket.ticketId();
    assertThat(sent.email().html()).contains("Fix the login page", link);
    assertThat(sent.email().text()).contains("Fix the login page", link);
    assertThat(runtime.sentEvents()).noneMatch(e -> e.name().equals(UrgentTicketCreated.NAME));
  }

  @Test
  void tracksTheCreationUnderTheStepsKey(TestRuntime runtime) {
    Workflows w = new Workflows(runtime);
    Recipient ada = w.recipients.add("ada", NotificationPreference.IMMEDIATE);
    runtime.register(w.ticketCreated().function());

    EventEnvelope event = runtime.send(ticket(ada.userId(), "Fix it", "high"));

    RunRecord run = runtime.onlyRun(TicketCreatedFunction.ID);
    TrackedEvent tracked = w.chat.tracked().get(0);
    assertThat(w.chat.tracked()).hasSize(1);
    assertThat(tracked.messageId()).isEqualTo(Workflows.stepKey(run, "track-creation"));
    assertThat(tracked.event()).isEqualTo("Ticket Created");
    assertThat(tracked.userId()).isEqualTo(ada.userId().toString());
    assertThat(tracked.properties())
        .containsEntry("priority", "high")
        .containsEntry("bounty", 5_000L);
    assertThat(tracked.timestamp()).isEqualTo(event.timestamp());
  }

  @Test
  void announcesAnUrgentTicketToTheAdministrators(TestRuntime runtime) throws Exception {
    Workflows w = new Workflows(runtime);
    Recipient ada = w.recipients.add("ada", NotificationPreference.IMMEDIATE);
    runtime.register(w.ticketCreated().function(), w.urgentTicket().function());

    TicketCreatedV2 ticket = ticket(ada.userId(), "Server room flooded", "urgent");
    runtime.send(ticket);

    assertThat(w.stepKeys(runtime.onlyRun(TicketCreatedFunction.ID)))
        .containsExactly("send-confirmation", "notify-urgent", "track-creation");
    EventEnvelope urgent =
        runtime.sentEvents().stream()
            .filter(e -> e.name().equals(UrgentTicketCreated.NAME))
            .findFirst()
            .orElseThrow();
    assertThat(runtime.codec().read(urgent, UrgentTicketCreated.class).ticketId())
        .isEqualTo(ticket.ticketId());
    assertThat(w.chat.slack()).singleElement().asString().contains("Server room flooded");
  }

  @Test
  void retriesTheConfirmationUntilTheOwnersAccountArrives(TestRuntime runtime) {
    Workflows w = new Workflows(runtime);
    runtime.register(w.ticketCreated().function());
    UUID owner = UUID.randomUUID();

    runtime.send(ticket(owner, "Early bird", "low"));

    assertThat(runtime.onlyRun(TicketCreatedFunction.ID).status()).isEqualTo(RunStatus.SLEEPING);
    assertThat(w.emails.sent()).isEmpty();

    w.recipients.learn(
        new AccountChange(owner, "bird", "immediate", 1, "bird@example.com", "USER", false));
    runtime.advance(Duration.ofMinutes(1));

    assertThat(runtime.onlyRun(TicketCreatedFunction.ID).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(w.emails.sent()).extracting(Sent::to).containsExactly("bird@example.com");
  }

  @Test
  void failsAtOnceWhenTheProviderRefusesTheEmail(TestRuntime runtime) {
    Workflows w = new Workflows(runtime);
    Recipient ada = w.recipients.add("ada", NotificationPreference.IMMEDIATE);
    runtime.register(w.ticketCreated().function());
    w.emails.failNextWith(new EmailRejectedException("422 invalid to", new RuntimeException()));

    runtime.send(ticket(ada.userId(), "Rejected", "low"));

    RunRecord run = runtime.onlyRun(TicketCreatedFunction.ID);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(w.step(run, "send-confirmation").attempts()).isEqualTo(1);
    assertThat(runtime.sentEvents()).anyMatch(e -> e.name().equals(FunctionFailed.NAME));
  }

  @Test
  void waitsAsLongAsTheProviderAsksBeforeTheNextAttempt(TestRuntime runtime) {
    Workflows w = new Workflows(runtime);
    Recipient ada = w.recipients.add("ada", NotificationPreference.IMMEDIATE);
    runtime.register(w.ticketCreated().function());
    w.emails.failNextWith(
        new EmailNotSentException("429", Duration.ofMinutes(7), new RuntimeException()));

    runtime.send(ticket(ada.userId(), "Slow down", "low"));

    assertThat(runtime.onlyRun(TicketCreatedFunction.ID).dueAt())
        .isEqualTo(TestRuntime.EPOCH.plus(Duration.ofMinutes(7)));
    runtime.advance(Duration.ofMinutes(7));
    assertThat(w.emails.sent()).hasSize(1);
  }

  @Test
  void queuesTheConfirmationOfADailyDigestOwner(TestRuntime runtime) {
    Workflows w = new Workflows(runtime);
    Recipient bob = w.recipients.add("bob", NotificationPreference.DAILY_DIGEST);
    runtime.register(w.ticketCreated().function());

    runtime.send(ticket(bob.userId(), "Digest me", "low"));

    assertThat(w.emails.sent()).isEmpty();
    assertThat(w.pending.rows())
        .singleElement()
        .satisfies(
            row -> assertThat(row.notice().subject()).isEqualTo("Ticket created: Digest me"));
    assertThat(w.chat.tracked()).hasSize(1);
  }

  @Test
  void sendsNothingToAnOwnerWhoTurnedNotificationsOff(TestRuntime runtime) {
    Workflows w = new Workflows(runtime);
    Recipient cy = w.recipients.add("cy", NotificationPreference.OFF);
    runtime.register(w.ticketCreated().function());

    runtime.send(ticket(cy.userId(), "Quiet please", "low"));

    assertThat(runtime.onlyRun(TicketCreatedFunction.ID).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(w.emails.sent()).isEmpty();
    assertThat(w.pending.rows()).isEmpty();
  }

  static TicketCreatedV2 ticket(UUID owner, String title, String priority) {
    return new TicketCreatedV2(
        UUID.randomUUID(),
        owner,
        title,
        "Steps to reproduce",
        priority,
        LocalDate.of(2030, 2, 1),
        5_000);
  }
}
