package com.ticketbounty.identity.adapter.out.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.ticketbounty.identity.application.AccessTokens;
import com.ticketbounty.identity.domain.Lifetimes;
import com.ticketbounty.identity.domain.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * RS256 tokens with the claims every service verifies: {@code iss}, {@code sub}, {@code role},
 * {@code iat}, {@code exp} and {@code jti}; a user's also {@code sid} (the session), {@code
 * username} and {@code email}, a service's {@code client_id} (RFC 9068) beside {@code sub} and role
 * {@code SERVICE}. The header names the signing key ({@code kid}).
 */
public final class NimbusAccessTokens implements AccessTokens {
  public static final String ISSUER = "ticketbounty-identity";
  private static final String SERVICE_ROLE = "SERVICE";

  private final SigningKeyRing ring;
  private final Clock clock;

  public NimbusAccessTokens(SigningKeyRing ring, Clock clock) {
    this.ring = ring;
    this.clock = clock;
  }

  @Override
  public Mono<AccessToken> issue(User user, UUID sessionId) {
    return Mono.fromCallable(
        () ->
            sign(
                claims(user.id().toString(), user.role().name())
                    .claim("sid", sessionId.toString())
                    .claim("username", user.username().value())
                    .claim("email", user.email().value())));
  }

  @Override
  public Mono<AccessToken> issueForService(String clientId) {
    return Mono.fromCallable(
        () -> sign(claims(clientId, SERVICE_ROLE).claim("client_id", clientId)));
  }

  private JWTClaimsSet.Builder claims(String subject, String role) {
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .claim("role", role)
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(Lifetimes.ACCESS_TOKEN)))
        .jwtID(UUID.randomUUID().toString());
  }

  private AccessToken sign(JWTClaimsSet.Builder builder) {
    JWTClaimsSet claims = builder.build();
    RSAKey key = ring.active();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw SigningKeyRing.failed(e);
    }
    return new AccessToken(jwt.serialize(), Lifetimes.ACCESS_TOKEN.toSeconds());
  }
}
