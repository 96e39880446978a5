package com.ticketbounty.comment.application;

import java.util.UUID;

/** There is no comment with the id asked for. */
public final class CommentNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final UUID commentId;

  public CommentNotFoundException(UUID commentId) {
    super("no comment " + commentId);
    this.commentId = commentId;
  }

  public UUID commentId() {
    return commentId;
  }
}
