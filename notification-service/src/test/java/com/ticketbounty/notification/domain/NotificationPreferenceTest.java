package com.ticketbounty.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationPreferenceTest {
  private static final AppLinks LINKS = new AppLinks("https://app.example.com");
  private static final Notice CONFIRMATION =
      new TicketNotices(LINKS).confirmation(UUID.randomUUID(), "Fix the login page");
  private static final Notice RESET =
      new AccountNotices(LINKS)
          .passwordReset(
              "https://app.example.com/reset/abc", Instant.parse("2030-01-01T00:10:00Z"));

  @Test
  void readsTheWireSpellingsOfIdentitysEvents() {
    assertThat(NotificationPreference.fromWire("immediate"))
        .isEqualTo(NotificationPreference.IMMEDIATE);
    assertThat(NotificationPreference.fromWire("daily-digest"))
        .isEqualTo(NotificationPreference.DAILY_DIGEST);
    assertThat(NotificationPreference.fromWire("off")).isEqualTo(NotificationPreference.OFF);
  }

  @Test
  void takesAPreferenceItDoesNotKnowForTheDefault() {
    assertThat(NotificationPreference.fromWire("weekly"))
        .isEqualTo(NotificationPreference.IMMEDIATE);
  }

  @Test
  void sendsQueuesOrDropsANotificationAsThePreferenceSays() {
    assertThat(NotificationPreference.IMMEDIATE.deliveryOf(CONFIRMATION)).isEqualTo(Delivery.SEND);
    assertThat(NotificationPreference.DAILY_DIGEST.deliveryOf(CONFIRMATION))
        .isEqualTo(Delivery.QUEUE);
    assertThat(NotificationPreference.OFF.deliveryOf(CONFIRMATION)).isEqualTo(Delivery.DROP);
  }

  @Test
  void alwaysSendsASecurityEmail() {
    for (NotificationPreference preference : NotificationPreference.values()) {
      assertThat(preference.deliveryOf(RESET)).as(preference.wire()).isEqualTo(Delivery.SEND);
    }
  }
}
