package com.ticketbounty.comment.application;

import com.ticketbounty.events.comment.CommentDeleted;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.comment.CommentUpdated;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * {@link CommentEvents} that records what would be published; events join an {@link
 * InMemoryUnitOfWork} transaction as the real outbox does. {@link #failNext()} makes the next write
 * fail, as a broken outbox would.
 */
public final class RecordingCommentEvents implements CommentEvents {
  private final List<Object> published = new CopyOnWriteArrayList<>();
  private volatile boolean failNext;

  @Override
  public Mono<Void> posted(CommentPosted event) {
    return record(event);
  }

  @Override
  public Mono<Void> updated(CommentUpdated event) {
    return record(event);
  }

  @Override
  public Mono<Void> deleted(CommentDeleted event) {
    return record(event);
  }

  private Mono<Void> record(Object event) {
    if (failNext) {
      failNext = false;
      return Mono.error(new IllegalStateException("outbox unavailable"));
    }
    return InMemoryUnitOfWork.write(() -> published.add(event));
  }

  public void failNext() {
    failNext = true;
  }

  /** The events of committed transactions, in order. */
  public List<Object> published() {
    return List.copyOf(published);
  }
}
