package com.ticketbounty.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatMessagesTest {
  private static final AppLinks LINKS = new AppLinks("https://app.example.com");

  @Test
  void namesTheUrgentTicketItsDeadlineBountyAndLink() {
    UUID ticketId = UUID.randomUUID();
    String text =
        ChatMessages.urgentTicket(
            new UrgentTicket(ticketId, "Server room flooded", LocalDate.of(2030, 1, 8), 12_345),
            LINKS);

    assertThat(text)
        .contains("Server room flooded", "2030-01-08", "$123.45")
        .contains("https://app.example.com/tickets/" + ticketId);
  }

  @Test
  void escapesWhatSlackReadsAsMarkup() {
    String text =
        ChatMessages.urgentTicket(
            new UrgentTicket(UUID.randomUUID(), "<!channel> & <@U123>", LocalDate.EPOCH, 500),
            LINKS);

    assertThat(text).contains("&lt;!channel&gt; &amp; &lt;@U123&gt;").doesNotContain("<!channel>");
  }

  @Test
  void namesServiceFunctionRunErrorAndEventOfAFailure() {
    String text =
        ChatMessages.functionFailed(
            new FailureReport(
                "ticket-service",
                "ticket-created",
                "run-1",
                "boom\nat line 2",
                "app/ticket.created",
                "event-1"));

    assertThat(text)
        .contains("ticket-service", "ticket-created", "run-1", "boom at line 2")
        .contains("app/ticket.created", "event-1");
  }
}
