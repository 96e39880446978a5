package com.ticketbounty.identity.application;

/**
 * The services identity-service issues service tokens to, each known by a client id and a secret
 * from configuration (OAuth2 client credentials).
 */
public interface ServiceClients {

  /** Whether {@code secret} is the secret of {@code clientId}; takes as long for an unknown id. */
  boolean authenticates(String clientId, String secret);
}
