package com.ticketbounty.comment.application;

import com.ticketbounty.events.comment.CommentDeleted;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.comment.CommentUpdated;
import reactor.core.publisher.Mono;

/**
 * What other services hear about comments. An event is written in the caller's transaction and
 * leaves the service only if that transaction commits.
 */
public interface CommentEvents {

  Mono<Void> posted(CommentPosted event);

  Mono<Void> updated(CommentUpdated event);

  Mono<Void> deleted(CommentDeleted event);
}
