package com.ticketbounty.comment.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.comment.domain.BrokenRulesException;
import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.CommentContent;
import com.ticketbounty.comment.domain.NotTheAuthorException;
import com.ticketbounty.events.comment.CommentUpdated;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class EditCommentTest {
  private static final Instant POSTED = Instant.parse("2026-11-27T10:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final UUID AUTHOR = UUID.randomUUID();

  private final InMemoryComments comments = new InMemoryComments();
  private final InMemoryAuthorNames authorNames = new InMemoryAuthorNames();
  private final RecordingCommentEvents events = new RecordingCommentEvents();
  private final EditComment editComment =
      new EditComment(
          comments,
          authorNames,
          events,
          new InMemoryUnitOfWork(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private final Comment comment =
      Comment.post(
          UUID.randomUUID(),
          UUID.randomUUID(),
          AUTHOR,
          CommentContent.of("Frist"),
          Clock.fixed(POSTED, ZoneOffset.UTC));

  EditCommentTest() {
    comments.add(comment).block();
    authorNames.rename(AUTHOR, "grace");
  }

  @Test
  void authorEditsTheTextAndTheEditIsAnnounced() {
    CommentView edited = editComment.edit(comment.id(), AUTHOR, "First").block();

    assertThat(edited.comment().content().text()).isEqualTo("First");
    assertThat(edited.comment().updatedAt()).isEqualTo(NOW);
    assertThat(edited.authorName()).isEqualTo("grace");
    assertThat(comments.stored(comment.id()).orElseThrow().content().text()).isEqualTo("First");
    assertThat(events.published())
        .containsExactly(
            new CommentUpdated(comment.id(), comment.ticketId(), AUTHOR, "First", NOW));
  }

  @Test
  void anEditThatChangesNothingAnnouncesNothing() {
    CommentView same = editComment.edit(comment.id(), AUTHOR, "Frist").block();

    assertThat(same.comment().updatedAt()).isEqualTo(POSTED);
    assertThat(events.published()).isEmpty();
  }

  @Test
  void rejectsEditByNonAuthor() {
    StepVerifier.create(editComment.edit(comment.id(), UUID.randomUUID(), "Mine now"))
        .expectError(NotTheAuthorException.class)
        .verify();
    assertThat(comments.stored(comment.id()).orElseThrow().content().text()).isEqualTo("Frist");
    assertThat(events.published()).isEmpty();
  }

  @Test
  void rejectsEditOfAnUnknownComment() {
    StepVerifier.create(editComment.edit(UUID.randomUUID(), AUTHOR, "First"))
        .expectError(CommentNotFoundException.class)
        .verify();
  }

  @Test
  void rejectsABlankTextBeforeLookingForTheComment() {
    StepVerifier.create(editComment.edit(UUID.randomUUID(), AUTHOR, " "))
        .expectError(BrokenRulesException.class)
        .verify();
  }
}
