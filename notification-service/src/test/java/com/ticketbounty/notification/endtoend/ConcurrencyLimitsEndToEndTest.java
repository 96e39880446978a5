package com.ticketbounty.notification.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.notification.endtoend.RunningNotificationService.Account;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The concurrency limits of DESIGN.md §8 under a burst of 50 events, with 12 engine workers: the
 * sends of one key wait until as many as the limit are in flight together ({@link InFlightEmails}),
 * so the largest number seen at once must equal the limit — never more.
 */
@ExtendWith(NotificationServiceExtension.class)
class ConcurrencyLimitsEndToEndTest {
  private static final int BURST = 50;
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private final RunningNotificationService service;

  ConcurrencyLimitsEndToEndTest(RunningNotificationService service) {
    this.service = service;
  }

  @Test
  void runsAtMostFiveTicketCreationsOfOneOwnerAtOnce() {
    Account owner = service.account("busy", "immediate", "USER", true);
    service.inFlight().holdUntil(owner.email(), 5);

    for (int i = 0; i < BURST; i++) {
      service.publish(
          new TicketCreatedV2(
              UUID.randomUUID(),
              owner.userId(),
              "Burst " + i,
              "Steps",
              "low",
              LocalDate.now().plusDays(7),
              5_000));
    }

    await().atMost(PATIENCE).until(() -> service.emailsTo(owner.email()).size() == BURST);
    assertThat(service.inFlight().most(owner.email())).isEqualTo(5);
  }

  @Test
  void runsAtMostTenCommentNotificationsOfOneTicketAtOnce() {
    Account owner = service.account("popular", "immediate", "USER", true);
    Account author = service.account("chatty", "immediate", "USER", true);
    service.inFlight().holdUntil(owner.email(), 10);
    UUID ticket = UUID.randomUUID();
    Instant start = Instant.now();

    for (int i = 0; i < BURST; i++) {
      // One author: the earlier commenters are the author alone, so each run e-mails the owner.
      service.publish(
          new CommentPosted(
              UUID.randomUUID(),
              ticket,
              owner.userId(),
              author.userId(),
              "Comment " + i,
              start.plusMillis(i)));
    }

    await().atMost(PATIENCE).until(() -> service.emailsTo(owner.email()).size() == BURST);
    assertThat(service.inFlight().most(owner.email())).isEqualTo(10);
    assertThat(service.emailsTo(author.email())).isEmpty();
  }
}
