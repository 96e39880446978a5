package com.ticketbounty.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoticeTest {
  private static final AppLinks LINKS = new AppLinks("https://app.example.com/");
  private static final Recipient ADA =
      new Recipient(UUID.randomUUID(), "ada@example.com", "ada", NotificationPreference.IMMEDIATE);

  @Test
  void givesANotificationTheSettingsLinkAndAListUnsubscribeHeader() {
    Notice notice = new TicketNotices(LINKS).confirmation(UUID.randomUUID(), "Fix it");

    assertThat(notice.valuesFor(ADA, LINKS))
        .containsEntry("settingsLink", "https://app.example.com/settings/notifications")
        .containsEntry("recipient", "ada");
    assertThat(notice.headers(LINKS))
        .containsExactly(
            Map.entry("List-Unsubscribe", "<https://app.example.com/settings/notifications>"));
  }

  @Test
  void offersNoUnsubscribeInASecurityEmail() {
    Notice notice = new AccountNotices(LINKS).verificationCode("ABCDEFGH", Instant.EPOCH);

    assertThat(notice.valuesFor(ADA, LINKS)).doesNotContainKey("settingsLink");
    assertThat(notice.headers(LINKS)).isEmpty();
  }

  @Test
  void foldsLineBreaksOfUserTextIntoAOneLineSubject() {
    Notice notice =
        new TicketNotices(LINKS)
            .confirmation(UUID.randomUUID(), "First line\r\nBcc: victim@example.com");

    assertThat(notice.subject()).isEqualTo("Ticket created: First line Bcc: victim@example.com");
  }

  @Test
  void refusesABlankSubject() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Notice(EmailTemplate.WELCOME, " \n ", Map.of(), null));
  }
}
