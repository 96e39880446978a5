package com.ticketbounty.comment.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.CommentContent;
import com.ticketbounty.comment.domain.CommentPosition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ListCommentsTest {
  private static final UUID TICKET = UUID.randomUUID();
  private static final UUID AUTHOR = UUID.randomUUID();
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private final InMemoryComments comments = new InMemoryComments();
  private final InMemoryAuthorNames authorNames = new InMemoryAuthorNames();
  private final ListComments listComments = new ListComments(comments, authorNames);

  @Test
  void listsNewestFirstWithTheAuthorsName() {
    authorNames.rename(AUTHOR, "grace");
    Comment older = post(AUTHOR, T0);
    Comment newer = post(AUTHOR, T0.plusSeconds(1));

    CommentPage page = listComments.list(TICKET, null, 3).block();

    assertThat(page.comments()).extracting(CommentView::comment).containsExactly(newer, older);
    assertThat(page.comments()).extracting(CommentView::authorName).containsOnly("grace");
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.last()).contains(older.position());
  }

  @Test
  void pagesThroughEveryCommentOnceEvenWhenManyShareATimestamp() {
    // Seeded, so a failure can be replayed: 40 comments on 7 distinct instants.
    Random random = new Random(20261127);
    List<Comment> posted = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      posted.add(post(AUTHOR, T0.plusMillis(random.nextInt(7))));
    }
    // And one on another ticket, never listed here.
    comments.add(otherTicketComment()).block();

    List<Comment> seen = new ArrayList<>();
    CommentPosition after = null;
    boolean more = true;
    while (more) {
      CommentPage page = listComments.list(TICKET, after, 6).block();
      page.comments().forEach(view -> seen.add(view.comment()));
      more = page.hasNextPage();
      after = page.last().orElse(null);
      assertThat(page.comments()).hasSizeLessThanOrEqualTo(6);
    }

    assertThat(seen)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(
            posted.stream()
                .sorted(
                    Comparator.comparing(Comment::createdAt).thenComparing(Comment::id).reversed())
                .toList());
  }

  @Test
  void saysWhetherAnotherPageFollows() {
    post(AUTHOR, T0);
    post(AUTHOR, T0.plusSeconds(1));
    post(AUTHOR, T0.plusSeconds(2));

    CommentPage first = listComments.list(TICKET, null, 2).block();
    CommentPage second = listComments.list(TICKET, first.last().orElseThrow(), 2).block();

    assertThat(first.hasNextPage()).isTrue();
    assertThat(second.hasNextPage()).isFalse();
    assertThat(second.comments()).hasSize(1);
  }

  @Test
  void showsNoAuthorForACommentWhoseAuthorIsGone() {
    Comment orphan =
        Comment.restore(UUID.randomUUID(), TICKET, null, CommentContent.of("Orphan"), T0, T0);
    comments.add(orphan).block();

    CommentView view = listComments.list(TICKET, null, 3).block().comments().get(0);

    assertThat(view.comment().authorId()).isEmpty();
    assertThat(view.authorName()).isNull();
  }

  @Test
  void anUnknownTicketHasAnEmptyPage() {
    CommentPage page = listComments.list(UUID.randomUUID(), null, 3).block();

    assertThat(page.comments()).isEmpty();
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.last()).isEmpty();
  }

  @Test
  void refusesALimitOutOfRange() {
    StepVerifier.create(listComments.list(TICKET, null, 0))
        .expectError(IllegalArgumentException.class)
        .verify();
    StepVerifier.create(listComments.list(TICKET, null, 51))
        .expectError(IllegalArgumentException.class)
        .verify();
  }

  private Comment post(UUID author, Instant at) {
    Comment comment =
        Comment.post(
            UUID.randomUUID(),
            TICKET,
            author,
            CommentContent.of("Comment at " + at),
            Clock.fixed(at, ZoneOffset.UTC));
    comments.add(comment).block();
    return comment;
  }

  private static Comment otherTicketComment() {
    return Comment.post(
        UUID.randomUUID(),
        UUID.randomUUID(),
        AUTHOR,
        CommentContent.of("Elsewhere"),
        Clock.systemUTC());
  }
}
