package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketAssignedFunctionTest {
  private final TestRuntime runtime = new TestRuntime();
  private Workflows w;
  private Recipient owner;
  private Recipient ada;
  private final UUID ticket = UUID.randomUUID();

  @BeforeEach
  void register() {
    w = new Workflows(runtime);
    owner = w.recipients.add("owner", NotificationPreference.IMMEDIATE);
    ada = w.recipients.add("ada", NotificationPreference.IMMEDIATE);
    runtime.register(w.ticketAssigned().function());
  }

  @Test
  void emailsTheNewAssignee() {
    runtime.send(new TicketAssigned(ticket, owner.userId(), ada.userId(), null, "Fix it", 2));

    RunRecord run = runtime.onlyRun(TicketAssignedFunction.ID);
    Sent sent = w.emails.sent().get(0);
    assertThat(w.emails.sent()).hasSize(1);
    assertThat(sent.to()).isEqualTo(ada.email());
    assertThat(sent.idempotencyKey())
        .isEqualTo(Workflows.stepKey(run, "notify-assignee") + ":" + ada.userId());
    assertThat(sent.email().subject()).isEqualTo("You were assigned: Fix it");
    assertThat(sent.email().text()).contains(Workflows.APP + "/tickets/" + ticket);
  }

  @Test
  void takesNoStepWhenTheTicketIsUnassigned() {
    runtime.send(new TicketAssigned(ticket, owner.userId(), null, ada.userId(), "Fix it", 3));

    RunRecord run = runtime.onlyRun(TicketAssignedFunction.ID);
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(w.stepKeys(run)).isEmpty();
    assertThat(w.emails.sent()).isEmpty();
  }

  @Test
  void takesNoStepWhenTheOwnerAssignsThemselves() {
    runtime.send(new TicketAssigned(ticket, owner.userId(), owner.userId(), null, "Mine", 2));

    assertThat(w.stepKeys(runtime.onlyRun(TicketAssignedFunction.ID))).isEmpty();
    assertThat(w.emails.sent()).isEmpty();
  }
}
