package com.ticketbounty.comment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommentTest {
  private static final Instant POSTED = Instant.parse("2026-11-27T10:00:00.123456789Z");
  private static final Instant EDITED = Instant.parse("2026-11-27T11:00:00Z");
  private static final UUID AUTHOR = UUID.randomUUID();

  private final Comment comment =
      Comment.post(
          UUID.randomUUID(),
          UUID.randomUUID(),
          AUTHOR,
          CommentContent.of("First!"),
          Clock.fixed(POSTED, ZoneOffset.UTC));

  @Test
  void isCreatedAndUpdatedWhenPostedToTheMicrosecondTheStoreKeeps() {
    Instant micros = Instant.parse("2026-11-27T10:00:00.123456Z");

    assertThat(comment.createdAt()).isEqualTo(micros);
    assertThat(comment.updatedAt()).isEqualTo(micros);
    assertThat(comment.authorId()).contains(AUTHOR);
    assertThat(comment.position()).isEqualTo(new CommentPosition(micros, comment.id()));
  }

  @Test
  void authorEditsTheTextAndOnlyTheUpdateTimeMoves() {
    Comment edited =
        comment
            .editedBy(
                AUTHOR, CommentContent.of("Second thoughts"), Clock.fixed(EDITED, ZoneOffset.UTC))
            .orElseThrow();

    assertThat(edited.content().text()).isEqualTo("Second thoughts");
    assertThat(edited.updatedAt()).isEqualTo(EDITED);
    assertThat(edited.createdAt()).isEqualTo(comment.createdAt());
    assertThat(edited.id()).isEqualTo(comment.id());
  }

  @Test
  void anEditThatKeepsTheTextIsNoChange() {
    assertThat(comment.editedBy(AUTHOR, CommentContent.of("First!"), Clock.systemUTC())).isEmpty();
  }

  @Test
  void rejectsEditByAnotherUser() {
    assertThatThrownBy(
            () ->
                comment.editedBy(
                    UUID.randomUUID(), CommentContent.of("Mine now"), Clock.systemUTC()))
        .isInstanceOf(NotTheAuthorException.class);
    assertThatThrownBy(() -> comment.checkAuthor(UUID.randomUUID()))
        .isInstanceOf(NotTheAuthorException.class);
  }

  @Test
  void aCommentWhoseAuthorIsGoneCanBeChangedByNobody() {
    Comment orphan =
        Comment.restore(comment.id(), comment.ticketId(), null, comment.content(), POSTED, POSTED);

    assertThat(orphan.authorId()).isEmpty();
    assertThatThrownBy(() -> orphan.checkAuthor(AUTHOR)).isInstanceOf(NotTheAuthorException.class);
  }
}
