package com.ticketbounty.identity.adapter.out.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verifying keys straight from this instance's {@link SigningKeyRing}, so that identity
 * verifies its own tokens without an HTTP call to itself (service-web's verifier uses this source
 * instead of fetching the JWKS).
 */
public final class RingJwkSource implements JWKSource<SecurityContext> {
  private final SigningKeyRing ring;

  public RingJwkSource(SigningKeyRing ring) {
    this.ring = ring;
  }

  @Override
  public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) {
    return selector.select(ring.verifying());
  }
}
