package com.ticketbounty.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppLinksTest {
  private static final UUID TICKET_ID = UUID.fromString("0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c");

  @Test
  void linksToTheTicketPageUnderTheBaseUrl() {
    assertThat(new AppLinks("http://localhost:3000").ticket(TICKET_ID))
        .isEqualTo("http://localhost:3000/tickets/" + TICKET_ID);
  }

  @Test
  void dropsTrailingSlashesOfTheBaseUrl() {
    assertThat(new AppLinks("https://app.example.com/base//").ticket(TICKET_ID))
        .isEqualTo("https://app.example.com/base/tickets/" + TICKET_ID);
  }

  @Test
  void linksToTheNotificationSettingsAndTheStartPage() {
    AppLinks links = new AppLinks("https://app.example.com/");

    assertThat(links.notificationSettings())
        .isEqualTo("https://app.example.com/settings/notifications");
    assertThat(links.home()).isEqualTo("https://app.example.com/");
  }

  @Test
  void rejectsABaseUrlThatIsNotAbsoluteHttp() {
    assertThatIllegalArgumentException().isThrownBy(() -> new AppLinks("localhost:3000"));
    assertThatIllegalArgumentException().isThrownBy(() -> new AppLinks("/tickets"));
    assertThatIllegalArgumentException().isThrownBy(() -> new AppLinks("ftp://example.com"));
  }
}
