package com.ticketbounty.comment.application;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The usernames of comment authors, as the accounts read model knows them. */
public interface AuthorNames {

  /**
   * Notes the name a user signed in with, in the current transaction, unless the read model already
   * knows the user: the account events that arrive later have the last word.
   */
  Mono<Void> remember(UUID userId, String username);

  /**
   * @return the known usernames of {@code userIds}; a user the read model does not know is left out
   */
  Mono<Map<UUID, String>> usernames(Collection<UUID> userIds);
}
