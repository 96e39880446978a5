package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.Comment;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment as readers see it: with its author's username when the accounts read model knows it.
 */
public record CommentView(Comment comment, @Nullable String authorName) {

  /** The comment named from {@code usernames}. */
  static CommentView of(Comment comment, Map<UUID, String> usernames) {
    return new CommentView(comment, comment.authorId().map(usernames::get).orElse(null));
  }

  public Optional<String> author() {
    return Optional.ofNullable(authorName);
  }
}
