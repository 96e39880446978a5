package com.ticketbounty.comment.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.CommentContent;
import com.ticketbounty.comment.domain.KnownTicket;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LearnTicketTest {
  private static final UUID TICKET = UUID.randomUUID();
  private static final UUID OWNER = UUID.randomUUID();

  private final InMemoryKnownTickets knownTickets = new InMemoryKnownTickets();
  private final InMemoryComments comments = new InMemoryComments();
  private final LearnTicket learnTicket =
      new LearnTicket(knownTickets, comments, new InMemoryUnitOfWork());

  @Test
  void learnsATicketAndKeepsTheNewestVersion() {
    learnTicket.changed(TICKET, OWNER, 1).block();
    learnTicket.changed(TICKET, OWNER, 3).block();
    learnTicket.changed(TICKET, OWNER, 2).block();

    assertThat(knownTickets.known(TICKET)).contains(KnownTicket.at(TICKET, OWNER, 3));
  }

  @Test
  void deletesTheTicketsCommentsAndOnlyThose() {
    learnTicket.changed(TICKET, OWNER, 1).block();
    Comment doomed = comment(TICKET);
    Comment elsewhere = comment(UUID.randomUUID());

    learnTicket.deleted(TICKET, OWNER, 2).block();

    assertThat(comments.stored(doomed.id())).isEmpty();
    assertThat(comments.stored(elsewhere.id())).isPresent();
    assertThat(knownTickets.known(TICKET).orElseThrow().isLive()).isFalse();
  }

  @Test
  void aDeletionHeardBeforeTheCreationStaysFinal() {
    learnTicket.deleted(TICKET, OWNER, 2).block();
    learnTicket.changed(TICKET, OWNER, 1).block();

    assertThat(knownTickets.known(TICKET)).contains(KnownTicket.deleted(TICKET, OWNER, 2));
  }

  private Comment comment(UUID ticketId) {
    Comment comment =
        Comment.post(
            UUID.randomUUID(),
            ticketId,
            UUID.randomUUID(),
            CommentContent.of("Hi"),
            Clock.systemUTC());
    comments.add(comment).block();
    return comment;
  }
}
