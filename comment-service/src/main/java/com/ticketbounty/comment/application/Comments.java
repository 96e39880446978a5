package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.CommentPosition;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every comment there is. */
public interface Comments {

  /** Stores a comment that is not stored yet. */
  Mono<Void> add(Comment comment);

  /**
   * The comment, held against concurrent changes until the current transaction ends.
   *
   * @return empty when there is none with that id
   */
  Mono<Comment> withIdForChange(UUID id);

  /** Stores the new state of a stored comment. */
  Mono<Void> update(Comment comment);

  Mono<Void> remove(UUID id);

  /**
   * Up to {@code count} comments of a ticket, newest first (by {@link CommentPosition}), starting
   * right after {@code after} or at the newest when it is null.
   */
  Flux<Comment> page(UUID ticketId, @Nullable CommentPosition after, int count);

  /**
   * @return how many comments the ticket had
   */
  Mono<Long> removeAllOf(UUID ticketId);

  /** Every comment there is, and how many of them were created at or after {@code since}. */
  Mono<CommentCount> count(Instant since);
}
