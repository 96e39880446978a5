package com.ticketbounty.comment.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.KnownTicket;
import com.ticketbounty.events.comment.CommentPosted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PostCommentTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final UUID TICKET = UUID.randomUUID();
  private static final UUID OWNER = UUID.randomUUID();
  private static final UUID AUTHOR = UUID.randomUUID();

  private final InMemoryComments comments = new InMemoryComments();
  private final InMemoryKnownTickets knownTickets = new InMemoryKnownTickets();
  private final InMemoryAuthorNames authorNames = new InMemoryAuthorNames();
  private final RecordingCommentEvents events = new RecordingCommentEvents();
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  private final PostComment postComment =
      new PostComment(
          comments,
          knownTickets,
          authorNames,
          events,
          unitOfWork,
          Clock.fixed(NOW, ZoneOffset.UTC));

  private final PostCommentCommand command =
      PostCommentCommand.of(TICKET, AUTHOR, "grace", "Have you tried turning it off and on?");

  @Test
  void postsTheCommentByTheCallerAndNamesTheAuthor() {
    knownTickets.learn(KnownTicket.at(TICKET, OWNER, 1)).block();

    CommentView posted = postComment.post(command).block();

    assertThat(posted).isNotNull();
    Comment comment = posted.comment();
    assertThat(comment.ticketId()).isEqualTo(TICKET);
    assertThat(comment.authorId()).contains(AUTHOR);
    assertThat(comment.content().text()).isEqualTo("Have you tried turning it off and on?");
    assertThat(comment.createdAt()).isEqualTo(NOW);
    assertThat(posted.authorName()).isEqualTo("grace");
    assertThat(comments.stored(comment.id())).contains(comment);
    assertThat(authorNames.usernames(Set.of(AUTHOR)).block()).containsEntry(AUTHOR, "grace");
  }

  @Test
  void announcesTheCommentWithTheTicketsOwner() {
    knownTickets.learn(KnownTicket.unversioned(TICKET, OWNER)).block();

    Comment comment = postComment.post(command).block().comment();

    assertThat(events.published())
        .containsExactly(
            new CommentPosted(
                comment.id(), TICKET, OWNER, AUTHOR, "Have you tried turning it off and on?", NOW));
  }

  @Test
  void refusesATicketTheReadModelDoesNotHold() {
    StepVerifier.create(postComment.post(command))
        .expectError(TicketNotFoundException.class)
        .verify();
    assertThat(comments.of(TICKET)).isEmpty();
    assertThat(events.published()).isEmpty();
  }

  @Test
  void refusesADeletedTicket() {
    knownTickets.learn(KnownTicket.deleted(TICKET, OWNER, 2)).block();

    StepVerifier.create(postComment.post(command))
        .expectError(TicketNotFoundException.class)
        .verify();
    assertThat(comments.of(TICKET)).isEmpty();
  }

  @Test
  void storesNothingWhenTheEventCannotBeWritten() {
    knownTickets.learn(KnownTicket.at(TICKET, OWNER, 1)).block();
    events.failNext();

    StepVerifier.create(postComment.post(command))
        .expectError(IllegalStateException.class)
        .verify();

    assertThat(comments.of(TICKET)).isEmpty();
    assertThat(authorNames.usernames(Set.of(AUTHOR)).block()).isEmpty();
    assertThat(unitOfWork.rollbacks()).isEqualTo(1);
  }
}
