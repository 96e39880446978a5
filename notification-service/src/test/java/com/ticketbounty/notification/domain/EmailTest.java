package com.ticketbounty.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailTest {

  @Test
  void acceptsABareOrANamedSender() {
    assertThat(email("noreply@ticketbounty.local", List.of("ada@example.com")).from())
        .isEqualTo("noreply@ticketbounty.local");
    assertThat(email("TicketBounty <noreply@ticketbounty.local>", List.of("a@b.c")).from())
        .isEqualTo("TicketBounty <noreply@ticketbounty.local>");
  }

  @Test
  void rejectsASenderThatIsNoAddress() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Email.requireSender("TicketBounty"))
        .withMessageContaining("not an e-mail address");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Email.requireSender("TicketBounty <noreply>"));
  }

  @Test
  void rejectsAnEmailWithoutRecipients() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> email("noreply@ticketbounty.local", List.of()))
        .withMessageContaining("recipient");
  }

  @Test
  void rejectsARecipientThatIsNoAddress() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> email("noreply@ticketbounty.local", List.of("ada at example.com")));
  }

  @Test
  void rejectsASubjectOfSeveralLines() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Email(
                    "noreply@ticketbounty.local",
                    List.of("ada@example.com"),
                    "Hi\nBcc: x@y.z",
                    "<p>hi</p>",
                    "hi"));
  }

  @Test
  void rejectsAMissingBody() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Email(
                    "noreply@ticketbounty.local", List.of("ada@example.com"), "Hi", " ", "hi"));
  }

  @Test
  void keepsItsOwnCopyOfTheRecipients() {
    List<String> recipients = new ArrayList<>(List.of("ada@example.com"));
    Email email = email("noreply@ticketbounty.local", recipients);

    recipients.add("eve@example.com");

    assertThat(email.to()).containsExactly("ada@example.com");
  }

  private static Email email(String from, List<String> to) {
    return new Email(from, to, "Hello", "<p>Hello</p>", "Hello");
  }
}
