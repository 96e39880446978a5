package com.ticketbounty.serviceweb.security;

import java.util.Objects;

/**
 * Another service, proven by a service token (role {@code SERVICE}) that identity-service issued it
 * for its client id and secret (OAuth2 client credentials).
 *
 * @param clientId the calling service's client id, such as {@code comment-service}
 */
public record ServiceClient(String clientId) implements Authenticated {
  public ServiceClient {
    Objects.requireNonNull(clientId, "clientId");
  }

  @Override
  public String describe() {
    return "service " + clientId;
  }
}
