package com.ticketbounty.comment.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Counts the comments for another service (admin-digest-service's daily digest): all that exist and
 * those created since an instant. Read-only, so asking again is harmless.
 */
public final class CountComments {
  private final Comments comments;

  public CountComments(Comments comments) {
    this.comments = comments;
  }

  public Mono<CommentCount> since(Instant since) {
    return comments.count(since);
  }
}
