package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.User;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Issues signed tokens: users' access tokens (account and session) and services' tokens. */
public interface AccessTokens {

  Mono<AccessToken> issue(User user, UUID sessionId);

  /** A service token for the client {@code clientId}: role {@code SERVICE}, no session. */
  Mono<AccessToken> issueForService(String clientId);

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
