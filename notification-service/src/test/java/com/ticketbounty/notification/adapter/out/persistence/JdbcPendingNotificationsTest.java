package com.ticketbounty.notification.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.notification.application.PendingBatch;
import com.ticketbounty.notification.domain.AppLinks;
import com.ticketbounty.notification.domain.Notice;
import com.ticketbounty.notification.domain.QueuedNotice;
import com.ticketbounty.notification.domain.TicketNotices;
import com.ticketbounty.testsupport.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcPendingNotificationsTest {
  private static final TestDatabase DATABASE = MigratedDatabase.create("notification_pending");
  private static final TicketNotices NOTICES =
      new TicketNotices(new AppLinks("https://app.example.com"));

  private final JdbcPendingNotifications pending =
      new JdbcPendingNotifications(DATABASE.dataSource());

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }

  @Test
  void queuesANoticeOncePerKey() {
    UUID user = UUID.randomUUID();
    Notice notice = NOTICES.confirmation(UUID.randomUUID(), "Fix it");

    pending.queue(user, "run:step:" + user, notice);
    pending.queue(user, "run:step:" + user, notice);

    PendingBatch batch = batchOf(user);
    assertThat(batch.ids()).hasSize(1);
    assertThat(pending.find(batch.ids()))
        .singleElement()
        .satisfies(
            queued -> {
              assertThat(queued.subject()).isEqualTo("Ticket created: Fix it");
              assertThat(queued.link()).isEqualTo(notice.link());
            });
  }

  @Test
  void groupsThePendingByRecipientAndSettlesEachOnce() {
    UUID ada = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    pending.queue(ada, "a1", NOTICES.confirmation(UUID.randomUUID(), "A1"));
    pending.queue(bob, "b1", NOTICES.confirmation(UUID.randomUUID(), "B1"));
    pending.queue(ada, "a2", NOTICES.confirmation(UUID.randomUUID(), "A2"));

    List<Long> adas = batchOf(ada).ids();
    assertThat(pending.find(adas))
        .extracting(QueuedNotice::subject)
        .containsExactly("Ticket created: A1", "Ticket created: A2");

    pending.markSent(adas, "digest-key");
    pending.markDropped(adas);
    pending.markDropped(batchOf(bob).ids());

    assertThat(pending.pendingByUser()).extracting(PendingBatch::userId).doesNotContain(ada, bob);
    assertThat(
            JdbcClient.create(DATABASE.dataSource())
                .sql("SELECT status, digest_key FROM pending_notifications WHERE queue_key = 'a2'")
                .query()
                .singleRow())
        .containsEntry("status", "sent")
        .containsEntry("digest_key", "digest-key");
    // The batch is still readable once sent, so a retried digest renders the same e-mail.
    assertThat(pending.find(adas)).hasSize(2);
  }

  private PendingBatch batchOf(UUID user) {
    return pending.pendingByUser().stream()
        .filter(batch -> batch.userId().equals(user))
        .findFirst()
        .orElseThrow();
  }
}
