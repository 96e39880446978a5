package com.ticketbounty.notification.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.notification.application.CommentFacts;
import com.ticketbounty.notification.application.TicketFacts;
import com.ticketbounty.notification.domain.KnownTicket;
import com.ticketbounty.testsupport.TestDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JdbcTicketParticipantsTest {
  private static final TestDatabase DATABASE = MigratedDatabase.create("notification_tickets");
  private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

  private final JdbcTicketParticipants participants =
      new JdbcTicketParticipants(DATABASE.dataSource());
  private final UUID ticket = UUID.randomUUID();
  private final UUID owner = UUID.randomUUID();

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }

  @Test
  void keepsTheNewestVersionOfATicketWhateverTheOrder() {
    UUID assignee = UUID.randomUUID();
    participants.learn(new TicketFacts(ticket, owner, "Renamed", assignee, 3, false));
    participants.learn(new TicketFacts(ticket, owner, "Original", null, 1, false));
    participants.learn(new TicketFacts(ticket, owner, "Middle", null, 2, false));

    assertThat(participants.ticket(ticket))
        .contains(new KnownTicket(ticket, owner, "Renamed", assignee, false));
  }

  @Test
  void keepsADeletionFinalAndTheTitleItHad() {
    participants.learn(new TicketFacts(ticket, owner, "Original", null, 1, false));
    participants.learn(new TicketFacts(ticket, owner, null, null, 2, true));
    participants.learn(new TicketFacts(ticket, owner, "Late update", null, 3, false));

    assertThat(participants.ticket(ticket))
        .contains(new KnownTicket(ticket, owner, "Original", null, true));
  }

  @Test
  void knowsATicketSeenOnlyAsDeleted() {
    participants.learn(new TicketFacts(ticket, owner, null, null, 4, true));
    participants.learn(new TicketFacts(ticket, owner, "Original", null, 1, false));

    assertThat(participants.ticket(ticket)).map(KnownTicket::deleted).contains(true);
  }

  @Test
  void listsTheCommentersBeforeAComment() {
    UUID ada = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    UUID cy = UUID.randomUUID();
    UUID current = UUID.randomUUID();
    posted(UUID.randomUUID(), ada, T0);
    posted(UUID.randomUUID(), ada, T0.plusSeconds(1));
    posted(UUID.randomUUID(), bob, T0.plusSeconds(2));
    posted(current, cy, T0.plusSeconds(3));
    posted(UUID.randomUUID(), cy, T0.plusSeconds(4));

    assertThat(participants.commentersBefore(ticket, current, T0.plusSeconds(3)))
        .containsExactlyInAnyOrder(ada, bob);
    assertThat(participants.commenters(ticket)).containsExactlyInAnyOrder(ada, bob, cy);
  }

  @Test
  void forgetsADeletedCommentEvenWhenItsPostingArrivesLater() {
    UUID ada = UUID.randomUUID();
    UUID comment = UUID.randomUUID();
    participants.learn(new CommentFacts(comment, ticket, ada, null, true));
    posted(comment, ada, T0);

    assertThat(participants.commenters(ticket)).isEmpty();
    assertThat(participants.commentersBefore(ticket, UUID.randomUUID(), T0.plusSeconds(9)))
        .isEmpty();
  }

  @Test
  void forgetsACommentDeletedAfterItWasPosted() {
    UUID ada = UUID.randomUUID();
    UUID comment = UUID.randomUUID();
    posted(comment, ada, T0);
    participants.learn(new CommentFacts(comment, ticket, ada, null, true));

    assertThat(participants.commenters(ticket)).isEmpty();
  }

  private void posted(UUID comment, UUID author, Instant at) {
    participants.learn(new CommentFacts(comment, ticket, author, at, false));
  }
}
