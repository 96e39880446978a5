package com.ticketbounty.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.notification.domain.DigestFigures.Count;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestNoticesTest {
  private static final DigestFigures FIGURES =
      new DigestFigures(
          Instant.parse("2030-01-01T00:00:00Z"),
          Instant.parse("2030-01-08T00:00:00Z"),
          new Count(120, 12),
          new Count(40, 4),
          new Count(300, 30));

  @Test
  void postsEveryFigureToDiscord() {
    assertThat(DigestNotices.discordPost(FIGURES))
        .contains("2030-01-08")
        .contains("Tickets: 120 (12 new")
        .contains("Users: 40 (4 new")
        .contains("Comments: 300 (30 new");
  }

  @Test
  void countsTheNotificationsOfABatchInItsSubject() {
    DigestNotices notices = new DigestNotices(new AppLinks("https://app.example.com"));
    QueuedNotice one = new QueuedNotice(1, "Ticket created: A", null, Instant.EPOCH);
    QueuedNotice two = new QueuedNotice(2, "Ticket created: B", null, Instant.EPOCH);

    assertThat(notices.batchDigest(List.of(one)).subject())
        .isEqualTo("Your TicketBounty digest: 1 notification");
    assertThat(notices.batchDigest(List.of(one, two)).subject())
        .isEqualTo("Your TicketBounty digest: 2 notifications");
  }
}
