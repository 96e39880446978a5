package com.ticketbounty.identity.application;

import com.ticketbounty.identity.application.AccessTokens.AccessToken;
import reactor.core.publisher.Mono;

/**
 * A service proves itself with its client id and secret (OAuth2 client credentials) and gets a
 * service token: role {@code SERVICE}, signed with the same keys as users' access tokens, valid as
 * long, accepted by every {@code /internal/**} endpoint and by nothing a user's token is for.
 */
public final class IssueServiceToken {
  public static final String FAILURE = "The client is unknown or its secret is wrong.";

  private final ServiceClients clients;
  private final AccessTokens tokens;

  public IssueServiceToken(ServiceClients clients, AccessTokens tokens) {
    this.clients = clients;
    this.tokens = tokens;
  }

  public Mono<AccessToken> issue(String clientId, String secret) {
    return Mono.defer(
        () ->
            clients.authenticates(clientId, secret)
                ? tokens.issueForService(clientId)
                : Mono.error(new NotAuthenticatedException(FAILURE)));
  }
}
