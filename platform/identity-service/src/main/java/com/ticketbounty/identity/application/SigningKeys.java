package com.ticketbounty.identity.application;

import java.util.Map;
import reactor.core.publisher.Mono;

/** The keys that sign access tokens. */
public interface SigningKeys {

  /**
   * Makes a new key the one that signs; the previous one keeps verifying until the tokens it signed
   * have expired.
   *
   * @return the new key's id
   */
  Mono<String> rotate();

  /** The public halves of every key that may have signed a live token, as a JWK set object. */
  Mono<Map<String, Object>> publicKeySet();
}
