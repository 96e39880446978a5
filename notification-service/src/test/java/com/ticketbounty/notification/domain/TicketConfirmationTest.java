package com.ticketbounty.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketConfirmationTest {
  private static final UUID TICKET_ID = UUID.fromString("0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c");
  private static final String FROM = "TicketBounty <noreply@ticketbounty.local>";
  private static final AppLinks LINKS = new AppLinks("https://app.example.com");

  @Test
  void goesFromTheSenderToTheOwner() {
    Email email = compose("Fix the login page");

    assertThat(email.from()).isEqualTo(FROM);
    assertThat(email.to()).containsExactly("ada@example.com");
  }

  @Test
  void subjectAndBothBodiesHoldTheTitle() {
    Email email = compose("Fix the login page");

    assertThat(email.subject()).contains("Fix the login page");
    assertThat(email.html()).contains("Fix the login page");
    assertThat(email.text()).contains("Fix the login page");
  }

  @Test
  void bothBodiesLinkToTheTicketPage() {
    Email email = compose("Fix the login page");

    String link = "https://app.example.com/tickets/" + TICKET_ID;
    assertThat(email.html()).contains("href=\"" + link + "\"");
    assertThat(email.text()).contains(link);
  }

  @Test
  void escapesMarkupInTheTitleOfTheHtmlBody() {
    Email email = compose("<script>alert(\"x\")</script> & <b>bold</b>");

    assertThat(email.html())
        .doesNotContain("<script>", "<b>")
        .contains(
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void keepsTheTitleAsTypedInTheTextBodyAndSubject() {
    Email email = compose("Tom & Jerry <3");

    assertThat(email.text()).contains("Tom & Jerry <3");
    assertThat(email.subject()).contains("Tom & Jerry <3");
  }

  @Test
  void foldsLineBreaksOfTheTitleIntoAOneLineSubject() {
    Email email = compose("First line\r\nBcc: victim@example.com");

    assertThat(email.subject()).isEqualTo("Ticket created: First line Bcc: victim@example.com");
  }

  private static Email compose(String title) {
    return TicketConfirmation.compose(
        new OpenedTicket(TICKET_ID, title, "ada@example.com"), FROM, LINKS);
  }
}
