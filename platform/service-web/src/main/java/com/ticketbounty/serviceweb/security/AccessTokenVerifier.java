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
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies identity-service's tokens with Nimbus: RS256 signature by a key of the JWKS (fetched,
 * cached and refetched on an unknown {@code kid} by Nimbus, so a rotated key is picked up), issuer,
 * expiry within {@link #CLOCK_SKEW}, and the claims of either kind of token — a user's access token
 * ({@link Caller}) or a service token ({@link ServiceClient}, role {@code SERVICE}). The gateway,
 * every service and the operations API verify with this one class. Whether a user's session has
 * ended is {@link EndedSessions}' question, not this class's.
 */
public final class AccessTokenVerifier {
  public static final String ISSUER = "ticketbounty-identity";

  /**
   * How far a token's {@code exp} may lie in the past and still be accepted (clocks of the issuer
   * and the verifier differ a little). Whatever must outlive a token — an ended session — must
   * outlive it by this much too.
   */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private static final Set<String> REQUIRED = Set.of("sub", "role", "exp", "iat");
  private static final Set<String> USER_CLAIMS = Set.of("sid", "username", "email");

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public AccessTokenVerifier(JWKSource<SecurityContext> keys) {
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(ISSUER).build(), REQUIRED);
    claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** What a token proves. */
  public sealed interface Verdict {
    record Valid(Authenticated who) implements Verdict {}

    record Invalid() implements Verdict {}

    /** The keys could not be fetched: not the caller's fault. */
    record KeysUnavailable() implements Verdict {}
  }

  /** Blocking: the first call, and the first after a key rotation, fetches the JWKS. */
  public Verdict verify(String token) {
    try {
      return new Verdict.Valid(whoIs(processor.process(token, null)));
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

  private static Authenticated whoIs(JWTClaimsSet claims) throws ParseException {
    String role = claims.getStringClaim("role");
    if (Authenticated.SERVICE.equals(role)) {
      // A service token names its client twice (RFC 9068's client_id beside sub); both must agree.
      if (!claims.getSubject().equals(claims.getStringClaim("client_id"))) {
        throw new IllegalArgumentException("a service token's client_id must be its subject");
      }
      return new ServiceClient(claims.getSubject());
    }
    for (String claim : USER_CLAIMS) {
      if (claims.getStringClaim(claim) == null) {
        throw new IllegalArgumentException("a user's access token carries " + claim);
      }
    }
    return new Caller(
        UUID.fromString(claims.getSubject()),
        UUID.fromString(claims.getStringClaim("sid")),
        role,
        claims.getStringClaim("username"),
        claims.getStringClaim("email"));
  }
}
