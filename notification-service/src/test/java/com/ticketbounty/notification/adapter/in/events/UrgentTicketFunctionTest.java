package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.admin.UrgentTicketCreated;
import com.ticketbounty.notification.application.ProviderRejectedException;
import com.ticketbounty.notification.application.ProviderUnavailableException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UrgentTicketFunctionTest {
  private final TestRuntime runtime = new TestRuntime();
  private final Workflows w = new Workflows(runtime);
  private final UUID ticket = UUID.randomUUID();

  @Test
  void tellsSlackTheTicketItsDeadlineBountyAndLink() {
    runtime.register(w.urgentTicket().function());

    runtime.send(urgent());

    assertThat(w.stepKeys(runtime.onlyRun(UrgentTicketFunction.ID)))
        .containsExactly("notify-admins");
    assertThat(w.chat.slack())
        .singleElement()
        .asString()
        .contains("Server room flooded", "2030-01-08", "$125.00")
        .contains(Workflows.APP + "/tickets/" + ticket);
  }

  @Test
  void retriesAfterTheWebhooksRetryAfter() {
    runtime.register(w.urgentTicket().function());
    w.chat.failNextWith(
        new ProviderUnavailableException("429", Duration.ofSeconds(30), new RuntimeException()));

    runtime.send(urgent());

    assertThat(runtime.onlyRun(UrgentTicketFunction.ID).dueAt())
        .isEqualTo(TestRuntime.EPOCH.plusSeconds(30));
    runtime.advance(Duration.ofSeconds(30));
    assertThat(w.chat.slack()).hasSize(1);
  }

  @Test
  void failsAtOnceWhenTheWebhookRefusesTheMessage() {
    runtime.register(w.urgentTicket().function());
    w.chat.failNextWith(new ProviderRejectedException("404 no such hook", new RuntimeException()));

    runtime.send(urgent());

    RunRecord run = runtime.onlyRun(UrgentTicketFunction.ID);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(w.step(run, "notify-admins").attempts()).isEqualTo(1);
  }

  private UrgentTicketCreated urgent() {
    return new UrgentTicketCreated(
        ticket, UUID.randomUUID(), "Server room flooded", LocalDate.of(2030, 1, 8), 12_500);
  }
}
