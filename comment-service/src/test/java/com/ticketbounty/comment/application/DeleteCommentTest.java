package com.ticketbounty.comment.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.CommentContent;
import com.ticketbounty.comment.domain.NotTheAuthorException;
import com.ticketbounty.events.comment.CommentDeleted;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DeleteCommentTest {
  private static final UUID AUTHOR = UUID.randomUUID();

  private final InMemoryComments comments = new InMemoryComments();
  private final RecordingCommentEvents events = new RecordingCommentEvents();
  private final DeleteComment deleteComment =
      new DeleteComment(comments, events, new InMemoryUnitOfWork());

  private final Comment comment =
      Comment.post(
          UUID.randomUUID(),
          UUID.randomUUID(),
          AUTHOR,
          CommentContent.of("Delete me"),
          Clock.systemUTC());

  DeleteCommentTest() {
    comments.add(comment).block();
  }

  @Test
  void authorDeletesTheCommentAndTheDeletionIsAnnounced() {
    deleteComment.delete(comment.id(), AUTHOR).block();

    assertThat(comments.stored(comment.id())).isEmpty();
    assertThat(events.published())
        .containsExactly(new CommentDeleted(comment.id(), comment.ticketId(), AUTHOR));
  }

  @Test
  void rejectsDeletionByNonAuthor() {
    StepVerifier.create(deleteComment.delete(comment.id(), UUID.randomUUID()))
        .expectError(NotTheAuthorException.class)
        .verify();
    assertThat(comments.stored(comment.id())).isPresent();
    assertThat(events.published()).isEmpty();
  }

  @Test
  void rejectsDeletionOfAnUnknownComment() {
    StepVerifier.create(deleteComment.delete(UUID.randomUUID(), AUTHOR))
        .expectError(CommentNotFoundException.class)
        .verify();
  }

  @Test
  void keepsTheCommentWhenTheEventCannotBeWritten() {
    events.failNext();

    StepVerifier.create(deleteComment.delete(comment.id(), AUTHOR))
        .expectError(IllegalStateException.class)
        .verify();
    assertThat(comments.stored(comment.id())).isPresent();
  }
}
