package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.notification.application.AccountChange;
import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.application.InMemoryPendingNotifications.Row;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import com.ticketbounty.notification.domain.TicketNotices;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchDigestFunctionTest {
  private final TestRuntime runtime = new TestRuntime();
  private final Workflows w = new Workflows(runtime);
  private TicketNotices notices;
  private Recipient ada;
  private Recipient bob;

  @BeforeEach
  void digestUsers() {
    notices = new TicketNotices(w.links);
    ada = w.recipients.add("ada", NotificationPreference.DAILY_DIGEST);
    bob = w.recipients.add("bob", NotificationPreference.DAILY_DIGEST);
    runtime.register(w.batchDigest().function());
  }

  @Test
  void sendsEachRecipientOneEmailOfEverythingPendingAndMarksItSent() {
    queue(ada, "First");
    queue(ada, "Second");
    queue(bob, "Third");

    RunRecord run = trigger();

    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(w.stepKeys(run)).containsExactly("find-pending", "send-digest", "send-digest:1");
    Sent toAda = w.emails.sentTo(ada.email()).get(0);
    assertThat(w.emails.sentTo(ada.email())).hasSize(1);
    assertThat(toAda.email().subject()).isEqualTo("Your TicketBounty digest: 2 notifications");
    assertThat(toAda.email().text()).contains("Ticket created: First", "Ticket created: Second");
    assertThat(toAda.email().text()).doesNotContain("Third");
    assertThat(w.emails.sentTo(bob.email())).hasSize(1);
    assertThat(w.pending.rows()).extracting(Row::status).containsOnly("sent");
    assertThat(w.pending.rows())
        .filteredOn(row -> row.userId().equals(ada.userId()))
        .extracting(Row::digestKey)
        .containsOnly(toAda.idempotencyKey());
    assertThat(w.emails.sent()).extracting(Sent::idempotencyKey).doesNotHaveDuplicates();
  }

  @Test
  void sendsExactlyTheRecordedSetWhenAStepIsRetried() {
    queue(ada, "First");
    w.emails.failNextWith(new EmailNotSentException("503", new RuntimeException()));

    RunRecord run = trigger();
    assertThat(run.status()).isEqualTo(RunStatus.SLEEPING);
    queue(ada, "Late");
    runtime.advance(Duration.ofMinutes(1));

    Sent sent = w.emails.sentTo(ada.email()).get(0);
    assertThat(w.emails.sentTo(ada.email())).hasSize(1);
    assertThat(sent.email().text()).contains("First").doesNotContain("Late");
    assertThat(w.pending.rows())
        .filteredOn(row -> row.notice().subject().endsWith("Late"))
        .extracting(Row::status)
        .containsExactly("pending");
  }

  @Test
  void dropsTheBatchOfSomeoneWhoTurnedNotificationsOffSince() {
    queue(ada, "First");
    w.recipients.learn(new AccountChange(ada.userId(), "ada", "off", 2, ada.email(), "USER", true));

    trigger();

    assertThat(w.emails.sent()).isEmpty();
    assertThat(w.pending.rows()).extracting(Row::status).containsExactly("dropped");
  }

  @Test
  void sendsNothingWhenNothingIsPending() {
    RunRecord run = trigger();

    assertThat(w.stepKeys(run)).containsExactly("find-pending");
    assertThat(w.emails.sent()).isEmpty();
  }

  private void queue(Recipient recipient, String title) {
    w.notify.notify(recipient, notices.confirmation(UUID.randomUUID(), title), "queue-" + title);
  }

  private RunRecord trigger() {
    RunRecord run = runtime.engine().trigger(BatchDigestFunction.ID);
    runtime.runUntilIdle();
    return runtime.run(run.id());
  }
}
