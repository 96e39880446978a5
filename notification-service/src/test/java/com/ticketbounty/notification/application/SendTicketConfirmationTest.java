package com.ticketbounty.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.domain.AppLinks;
import com.ticketbounty.notification.domain.Email;
import com.ticketbounty.notification.domain.OpenedTicket;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SendTicketConfirmationTest {
  private static final String FROM = "TicketBounty <noreply@ticketbounty.local>";
  private static final OpenedTicket TICKET =
      new OpenedTicket(UUID.randomUUID(), "Fix the login page", "ada@example.com");

  private final InMemoryEmailSender emails = new InMemoryEmailSender();
  private final SendTicketConfirmation sendTicketConfirmation =
      new SendTicketConfirmation(emails, FROM, new AppLinks("http://localhost:3000"));

  @Test
  void emailsTheOwnerAConfirmationUnderTheGivenKey() {
    sendTicketConfirmation.send(TICKET, "ticket-created:event-1");

    assertThat(emails.sent())
        .singleElement()
        .extracting(Sent::idempotencyKey)
        .isEqualTo("ticket-created:event-1");
    Email email = emails.sent().get(0).email();
    assertThat(email.from()).isEqualTo(FROM);
    assertThat(email.to()).containsExactly("ada@example.com");
    assertThat(email.subject()).contains("Fix the login page");
    assertThat(email.text()).contains("http://localhost:3000/tickets/" + TICKET.ticketId());
  }

  @Test
  void repeatsTheIdenticalEmailWhenTheSameConfirmationIsAttemptedAgain() {
    // A provider that dedupes by key may refuse a repeated key with a different payload.
    sendTicketConfirmation.send(TICKET, "ticket-created:event-1");
    sendTicketConfirmation.send(TICKET, "ticket-created:event-1");

    assertThat(emails.sent()).hasSize(2);
    assertThat(emails.sent().get(1)).isEqualTo(emails.sent().get(0));
  }

  @Test
  void letsAFailureToSendReachTheCallerSoTheEventIsRetried() {
    emails.failNextWith(new EmailNotSentException("provider down", new RuntimeException()));

    assertThatThrownBy(() -> sendTicketConfirmation.send(TICKET, "key"))
        .isInstanceOf(EmailNotSentException.class);
    assertThat(emails.sent()).isEmpty();
  }

  @Test
  void refusesToStartWithASenderThatIsNoAddress() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new SendTicketConfirmation(
                    emails, "TicketBounty", new AppLinks("http://localhost:3000")));
  }
}
