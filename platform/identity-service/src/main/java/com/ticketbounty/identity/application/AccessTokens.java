package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.User;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Issues signed access tokens that name the account and the session. */
public interface AccessTokens {

  Mono<AccessToken> issue(User user, UUID sessionId);

  /**
   * @param value the compact token
   * @param expiresInSeconds how long it works from now
   */
  record AccessToken(String value, long expiresInSeconds) {
    @Override
    public String toString() {
      return "AccessToken[[redacted], " + expiresInSeconds + "s]";
    }
  }
}
