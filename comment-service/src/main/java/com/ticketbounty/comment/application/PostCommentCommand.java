package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.CommentContent;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A signed-in user asks to comment on a ticket.
 *
 * @param authorName the username the author signed in with
 */
public record PostCommentCommand(
    UUID ticketId, UUID authorId, String authorName, CommentContent content) {
  public PostCommentCommand {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(authorName, "authorName");
    Objects.requireNonNull(content, "content");
  }

  /**
   * Reads the command as the caller sent it.
   *
   * @throws com.ticketbounty.comment.domain.BrokenRulesException naming {@code content}
   */
  public static PostCommentCommand of(
      UUID ticketId, UUID authorId, String authorName, @Nullable String content) {
    return new PostCommentCommand(ticketId, authorId, authorName, CommentContent.of(content));
  }
}
