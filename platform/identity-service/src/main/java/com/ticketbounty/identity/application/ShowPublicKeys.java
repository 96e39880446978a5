package com.ticketbounty.identity.application;

import java.util.Map;
import reactor.core.publisher.Mono;

/** Anyone reads the public keys that verify access tokens (the JWKS). */
public final class ShowPublicKeys {
  private final SigningKeys keys;

  public ShowPublicKeys(SigningKeys keys) {
    this.keys = keys;
  }

  public Mono<Map<String, Object>> show() {
    return keys.publicKeySet();
  }
}
