package com.ticketbounty.eventruntime.spring.operations;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Set;

/**
 * Verifies access tokens with Nimbus against a JWKS URI (keys fetched, cached and refreshed on an
 * unknown {@code kid} by Nimbus): signature (RS256 or ES256), expiry, and the {@code role} claim.
 */
final class AdminTokens {
  static final String ADMIN = "ADMIN";
  private static final int TIMEOUT_MILLIS = 5_000;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  AdminTokens(String jwksUri) {
    JWKSource<SecurityContext> keys;
    try {
      // Generous timeouts: the first call fetches the keys, possibly from a busy identity-service.
      keys =
          JWKSourceBuilder.create(
                  URI.create(jwksUri).toURL(),
                  new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, 64 * 1024))
              .retrying(true)
              .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a JWKS URI: " + jwksUri, e);
    }
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, Set.of("sub", "exp")));
  }

  /** What a token proves. */
  enum Verdict {
    ADMIN,
    NOT_ADMIN,
    INVALID,
    /** The keys could not be fetched: not the caller's fault. */
    KEYS_UNAVAILABLE
  }

  /** Blocking: the first call (and a key rotation) fetches the JWKS. */
  Verdict verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (RateLimitReachedException e) {
      return Verdict.INVALID; // an unknown kid asked again right after a fetch: not an outage
    } catch (KeySourceException e) {
      return Verdict.KEYS_UNAVAILABLE;
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Verdict.INVALID;
    }
    Object role = claims.getClaim("role");
    return ADMIN.equals(role) ? Verdict.ADMIN : Verdict.NOT_ADMIN;
  }
}
