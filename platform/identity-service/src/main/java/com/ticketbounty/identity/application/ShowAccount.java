package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.User;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The signed-in user reads their account. */
public final class ShowAccount {
  private final Users users;

  public ShowAccount(Users users) {
    this.users = users;
  }

  /**
   * @return the account, or a {@link NotAuthenticatedException} error when the token names none
   */
  public Mono<User> show(UUID userId) {
    return users
        .withId(userId)
        .switchIfEmpty(Mono.error(() -> new NotAuthenticatedException("No such account.")));
  }
}
