package com.ticketbounty.comment.domain;

import java.util.UUID;

/** Someone other than a comment's author tried to change it: only the author may. */
public final class NotTheAuthorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final UUID commentId;

  public NotTheAuthorException(UUID commentId) {
    super("only the author may change comment " + commentId);
    this.commentId = commentId;
  }

  public UUID commentId() {
    return commentId;
  }
}
