package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.test.EventRuntimeExtension;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.ticket.TicketUpdated;
import com.ticketbounty.notification.application.CommentFacts;
import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EventRuntimeExtension.class)
class TicketUpdatedFunctionTest {

  @Test
  void tellsTheAssigneeAndCommentersOnceEachNeverTheOwnerWhoChangedIt(TestRuntime runtime) {
    Workflows w = new Workflows(runtime);
    Recipient owner = w.recipients.add("owner", NotificationPreference.IMMEDIATE);
    Recipient assignee = w.recipients.add("assignee", NotificationPreference.IMMEDIATE);
    Recipient ada = w.recipients.add("ada", NotificationPreference.IMMEDIATE);
    UUID ticket = UUID.randomUUID();
    for (Recipient author : List.of(owner, assignee, ada, ada)) {
      w.participants.learn(
          new CommentFacts(UUID.randomUUID(), ticket, author.userId(), Instant.EPOCH, false));
    }
    runtime.register(w.ticketUpdated().function());

    runtime.send(
        new TicketUpdated(
            ticket,
            owner.userId(),
            List.of("status"),
            "Fix the login page",
            "…",
            "DONE",
            "low",
            LocalDate.of(2030, 2, 1),
            5_000,
            assignee.userId(),
            4));

    RunRecord run = runtime.onlyRun(TicketUpdatedFunction.ID);
    assertThat(w.stepKeys(run)).containsExactly("notify-participants");
    assertThat(w.emails.sent())
        .extracting(Sent::to)
        .containsExactlyInAnyOrder(assignee.email(), ada.email());
    assertThat(w.emails.sent())
        .extracting(Sent::idempotencyKey)
        .containsExactlyInAnyOrder(
            Workflows.stepKey(run, "notify-participants") + ":" + assignee.userId(),
            Workflows.stepKey(run, "notify-participants") + ":" + ada.userId());
    Sent sent = w.emails.sentTo(ada.email()).get(0);
    assertThat(sent.email().subject()).isEqualTo("Ticket updated: Fix the login page");
    assertThat(sent.email().text()).contains("(status)", "DONE", "/tickets/" + ticket);
  }
}
