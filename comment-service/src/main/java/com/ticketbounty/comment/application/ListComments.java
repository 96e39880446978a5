package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.CommentPosition;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Anyone reads a ticket's comments, newest first, a page at a time (reading is public, DESIGN.md
 * §7). A ticket that does not exist simply has no comments: reading never asks ticket-service.
 */
public final class ListComments {
  public static final int MAX_LIMIT = 50;
  public static final int DEFAULT_LIMIT = 3;

  private final Comments comments;
  private final AuthorNames authorNames;

  public ListComments(Comments comments, AuthorNames authorNames) {
    this.comments = comments;
    this.authorNames = authorNames;
  }

  /**
   * @param after the last comment of the previous page, or null for the first page
   * @param limit comments per page, 1 to {@link #MAX_LIMIT}
   */
  public Mono<CommentPage> list(UUID ticketId, @Nullable CommentPosition after, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      return Mono.error(new IllegalArgumentException("limit out of range: " + limit));
    }
    // One more than asked for tells whether a next page exists without counting.
    return comments
        .page(ticketId, after, limit + 1)
        .collectList()
        .flatMap(
            found -> named(found.subList(0, Math.min(limit, found.size())), found.size() > limit));
  }

  private Mono<CommentPage> named(List<Comment> page, boolean hasNextPage) {
    Set<UUID> authors =
        page.stream().flatMap(comment -> comment.authorId().stream()).collect(Collectors.toSet());
    return authorNames
        .usernames(authors)
        .map(
            usernames ->
                new CommentPage(
                    page.stream().map(comment -> CommentView.of(comment, usernames)).toList(),
                    hasNextPage));
  }
}
