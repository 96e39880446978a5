package com.ticketbounty.comment.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a comment stands in its ticket's list, newest first: by creation time, and by id among
 * comments created in the same microsecond, so that every comment has exactly one place and paging
 * neither skips nor repeats one.
 */
public record CommentPosition(Instant createdAt, UUID id) {
  public CommentPosition {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }
}
