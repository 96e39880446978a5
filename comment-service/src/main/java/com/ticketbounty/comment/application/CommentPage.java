package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.CommentPosition;
import java.util.List;
import java.util.Optional;

/**
 * One page of a ticket's comments, newest first.
 *
 * @param hasNextPage whether older comments follow the last one
 */
public record CommentPage(List<CommentView> comments, boolean hasNextPage) {
  public CommentPage {
    comments = List.copyOf(comments);
  }

  /** Where the next page starts: after the last comment of this one (none on an empty page). */
  public Optional<CommentPosition> last() {
    return comments.isEmpty()
        ? Optional.empty()
        : Optional.of(comments.get(comments.size() - 1).comment().position());
  }
}
