package com.ticketbounty.eventruntime.spring.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/** identity-service as the operations API sees it: a JWKS on WireMock and tokens it signs. */
final class IdentityStandIn implements AutoCloseable {
  private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
  private final RSAKey key;

  IdentityStandIn() {
    try {
      key = new RSAKeyGenerator(2048).keyID("identity-1").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    server.start();
    server.stubFor(
        get(urlEqualTo("/.well-known/jwks.json"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(new JWKSet(key.toPublicJWK()).toString())));
  }

  String jwksUri() {
    return "http://127.0.0.1:" + server.port() + "/.well-known/jwks.json";
  }

  RSAKey key() {
    return key;
  }

  /** {@code Bearer <token>} of an ADMIN, valid five minutes. */
  String admin() {
    return "Bearer " + token(key, "ADMIN", Instant.now().plusSeconds(300));
  }

  static String token(RSAKey signer, String role, Instant expires) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
              new JWTClaimsSet.Builder()
                  .subject("user-1")
                  .claim("role", role)
                  .expirationTime(Date.from(expires))
                  .build());
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
