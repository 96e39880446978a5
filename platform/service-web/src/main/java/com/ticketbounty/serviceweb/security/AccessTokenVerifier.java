package com.ticketbounty.serviceweb.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies identity-service's access tokens with Nimbus: RS256 signature by a key of the JWKS
 * (fetched, cached and refetched on an unknown {@code kid} by Nimbus, so a rotated key is picked
 * up), issuer, expiry, and the claims a {@link Caller} is made of. Whether the session has ended is
 * {@link EndedSessions}' question, not this class's.
 */
public final class AccessTokenVerifier {
  public static final String ISSUER = "ticketbounty-identity";
  private static final Set<String> REQUIRED =
      Set.of("sub", "sid", "role", "username", "email", "exp", "iat");

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public AccessTokenVerifier(JWKSource<SecurityContext> keys) {
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(ISSUER).build(), REQUIRED));
  }

  /** What a token proves. */
  public sealed interface Verdict {
    record Valid(Caller caller) implements Verdict {}

    record Invalid() implements Verdict {}

    /** The keys could not be fetched: not the caller's fault. */
    record KeysUnavailable() implements Verdict {}
  }

  /** Blocking: the first call, and the first after a key rotation, fetches the JWKS. */
  public Verdict verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      return new Verdict.Valid(
          new Caller(
              UUID.fromString(claims.getSubject()),
              UUID.fromString(claims.getStringClaim("sid")),
              claims.getStringClaim("role"),
              claims.getStringClaim("username"),
              claims.getStringClaim("email")));
    } catch (RateLimitReachedException e) {
      // The keys were fetched a moment ago and this kid is not among them: a token of no key we
      // know (forged, or from a wiped identity database), not an outage.
      return new Verdict.Invalid();
    } catch (KeySourceException e) {
      return new Verdict.KeysUnavailable();
    } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
      return new Verdict.Invalid();
    }
  }
}
