package com.ticketbounty.comment.adapter.out.messaging;

import com.ticketbounty.comment.application.CommentEvents;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.events.comment.CommentDeleted;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.comment.CommentUpdated;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Publishes through event-runtime: the event lands in the outbox inside the caller's reactive
 * transaction, on behalf of the comment's author (the body's {@code user}). Every comment event is
 * keyed by its ticket, so the events of one ticket's comments reach the broker in the order they
 * were written — a comment's own posted, updated and deleted included, and "who commented on this
 * ticket before" reads the same for every consumer.
 */
public final class EventRuntimeCommentEvents implements CommentEvents {
  private final TransactionalEventPublisher publisher;

  public EventRuntimeCommentEvents(TransactionalEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public Mono<Void> posted(CommentPosted event) {
    return publish(event.ticketId(), event, event.authorId());
  }

  @Override
  public Mono<Void> updated(CommentUpdated event) {
    return publish(event.ticketId(), event, event.authorId());
  }

  @Override
  public Mono<Void> deleted(CommentDeleted event) {
    return publish(event.ticketId(), event, event.authorId());
  }

  private Mono<Void> publish(UUID ticketId, Object event, UUID actingUser) {
    return publisher
        .publish(ticketId.toString(), event, new EventUser(actingUser.toString()))
        .then();
  }
}
