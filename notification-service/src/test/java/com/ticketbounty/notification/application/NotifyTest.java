package com.ticketbounty.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.domain.AccountNotices;
import com.ticketbounty.notification.domain.AppLinks;
import com.ticketbounty.notification.domain.Email;
import com.ticketbounty.notification.domain.Notice;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import com.ticketbounty.notification.domain.TicketNotices;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotifyTest {
  private static final String FROM = "TicketBounty <noreply@ticketbounty.local>";
  private static final AppLinks LINKS = new AppLinks("https://app.example.com");
  private static final String STEP = "run-1:notify";

  private final InMemoryEmailSender emails = new InMemoryEmailSender();
  private final InMemoryRecipients recipients = new InMemoryRecipients();
  private final InMemoryPendingNotifications pending =
      new InMemoryPendingNotifications(Clock.systemUTC());
  private final Notify notify =
      new Notify(
          emails,
          (template, values) ->
              new EmailBodies("<p>" + values + "</p>", template.fileName() + " " + values),
          pending,
          recipients,
          FROM,
          LINKS);
  private final Notice confirmation =
      new TicketNotices(LINKS).confirmation(UUID.randomUUID(), "Fix the login page");
  private final Notice reset =
      new AccountNotices(LINKS).passwordReset("https://app.example.com/reset/t", Instant.EPOCH);

  @Test
  void emailsAnImmediateRecipientUnderTheStepKeyAndTheirId() {
    Recipient ada = recipients.add("ada", NotificationPreference.IMMEDIATE);

    Notified notified = notify.notify(ada, confirmation, STEP);

    assertThat(notified.sent()).containsExactly(ada.userId());
    Sent sent = emails.sent().get(0);
    assertThat(sent.idempotencyKey()).isEqualTo(STEP + ":" + ada.userId());
    Email email = sent.email();
    assertThat(email.from()).isEqualTo(FROM);
    assertThat(email.to()).containsExactly(ada.email());
    assertThat(email.subject()).isEqualTo("Ticket created: Fix the login page");
    assertThat(email.text())
        .contains("settingsLink=https://app.example.com/settings/notifications");
    assertThat(email.headers())
        .containsEntry("List-Unsubscribe", "<https://app.example.com/settings/notifications>");
  }

  @Test
  void queuesForTheDigestInsteadOfSendingOnceUnderItsKey() {
    Recipient bob = recipients.add("bob", NotificationPreference.DAILY_DIGEST);

    notify.notify(bob, confirmation, STEP);
    Notified again = notify.notify(bob, confirmation, STEP);

    assertThat(again.queued()).containsExactly(bob.userId());
    assertThat(emails.sent()).isEmpty();
    assertThat(pending.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.key()).isEqualTo(STEP + ":" + bob.userId());
              assertThat(row.notice().subject()).isEqualTo(confirmation.subject());
              assertThat(row.notice().link()).isEqualTo(confirmation.link());
            });
  }

  @Test
  void dropsANotificationForSomeoneWhoTurnedThemOff() {
    Recipient cy = recipients.add("cy", NotificationPreference.OFF);

    Notified notified = notify.notify(cy, confirmation, STEP);

    assertThat(notified.dropped()).containsExactly(cy.userId());
    assertThat(emails.sent()).isEmpty();
    assertThat(pending.rows()).isEmpty();
  }

  @Test
  void sendsASecurityEmailWhateverThePreferenceWithoutUnsubscribe() {
    for (NotificationPreference preference : NotificationPreference.values()) {
      notify.notify(recipients.add(preference.wire(), preference), reset, STEP);
    }

    assertThat(emails.sent()).hasSize(3);
    assertThat(emails.sent()).allSatisfy(sent -> assertThat(sent.email().headers()).isEmpty());
    assertThat(emails.sent())
        .allSatisfy(sent -> assertThat(sent.email().text()).doesNotContain("settingsLink"));
  }

  @Test
  void tellsEveryoneKnownUnderDistinctKeysThenFailsRetriablyForTheUnknown() {
    Recipient ada = recipients.add("ada", NotificationPreference.IMMEDIATE);
    Recipient bob = recipients.add("bob", NotificationPreference.IMMEDIATE);
    UUID stranger = UUID.randomUUID();

    assertThatThrownBy(
            () ->
                notify.notifyEach(
                    List.of(ada.userId(), stranger, bob.userId()), confirmation, STEP))
        .isInstanceOf(RecipientNotKnownException.class)
        .hasMessageContaining(stranger.toString());

    assertThat(emails.sent())
        .extracting(Sent::idempotencyKey)
        .containsExactly(STEP + ":" + ada.userId(), STEP + ":" + bob.userId());
  }

  @Test
  void tellsTheOthersWhenTheProviderRefusesOneThenFailsForGood() {
    Recipient ada = recipients.add("ada", NotificationPreference.IMMEDIATE);
    Recipient bob = recipients.add("bob", NotificationPreference.IMMEDIATE);
    emails.failNextWith(new EmailRejectedException("bad address", new RuntimeException()));

    assertThatThrownBy(
            () -> notify.notifyEach(List.of(ada.userId(), bob.userId()), confirmation, STEP))
        .isInstanceOf(ProviderRejectedException.class)
        .hasMessageContaining("1 of 2");
    assertThat(emails.sent()).extracting(Sent::to).containsExactly(bob.email());
  }

  @Test
  void letsAnOutageReachTheStepSoItIsRetried() {
    Recipient ada = recipients.add("ada", NotificationPreference.IMMEDIATE);
    emails.failNextWith(new EmailNotSentException("provider down", new RuntimeException()));

    assertThatThrownBy(() -> notify.notifyEach(List.of(ada.userId()), confirmation, STEP))
        .isInstanceOf(EmailNotSentException.class);
  }

  @Test
  void refusesToStartWithASenderThatIsNoAddress() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new Notify(emails, (t, v) -> null, pending, recipients, "TicketBounty", LINKS));
  }
}
