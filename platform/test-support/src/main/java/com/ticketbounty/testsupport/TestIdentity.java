package com.ticketbounty.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

/**
 * identity-service as a service under test sees it: a JWKS served on a free local port and tokens
 * signed with its key, carrying the claims identity-service puts in them (users' access tokens and
 * services' client-credentials tokens). A test points {@code ticketbounty.security.jwks-uri} at
 * {@link #jwksUri()}.
 */
public final class TestIdentity implements AutoCloseable {
  public static final String ISSUER = "ticketbounty-identity";

  private final RSAKey key = generate("test-identity-1");
  private final RSAKey stranger = generate("test-identity-1");
  private final RSAKey unknown = generate("key-nobody-published");
  private final HttpServer server;

  private TestIdentity(HttpServer server) {
    this.server = server;
  }

  public static TestIdentity start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      TestIdentity identity = new TestIdentity(server);
      byte[] jwks =
          new JWKSet(identity.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
              body.write(jwks);
            }
          });
      server.start();
      return identity;
    } catch (IOException e) {
      throw new IllegalStateException("cannot serve a test JWKS", e);
    }
  }

  public String jwksUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
  }

  /** A new signed-in user with a session of its own. */
  public TestUser user(String username) {
    return signIn(username, "USER");
  }

  public TestUser admin(String username) {
    return signIn(username, "ADMIN");
  }

  /** Another session of the same user. */
  public TestUser newSession(TestUser user) {
    return withToken(user, UUID.randomUUID(), key, Instant.now().plus(Duration.ofMinutes(15)));
  }

  /** The same user and session, with a token that expired a minute ago. */
  public String expiredBearer(TestUser user) {
    return "Bearer " + sign(key, user, user.sessionId(), Instant.now().minusSeconds(60));
  }

  /** The same user and session, with a token that expires at {@code expires}. */
  public String bearerExpiringAt(TestUser user, Instant expires) {
    return "Bearer " + sign(key, user, user.sessionId(), expires);
  }

  /**
   * {@code Bearer <token>} of another service, as identity-service issues it for the client
   * credentials of {@code clientId}: role {@code SERVICE}, {@code sub} and {@code client_id} the
   * client id.
   */
  public String serviceBearer(String clientId) {
    Instant now = Instant.now();
    return "Bearer "
        + sign(
            key,
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(clientId)
                .claim("client_id", clientId)
                .claim("role", "SERVICE")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .build());
  }

  /** The same claims signed by a key the JWKS does not hold (same {@code kid}). */
  public String forgedBearer(TestUser user) {
    return "Bearer " + sign(stranger, user, user.sessionId(), Instant.now().plusSeconds(600));
  }

  /** The same claims signed by a key whose {@code kid} the JWKS does not list. */
  public String unknownKeyBearer(TestUser user) {
    return "Bearer " + sign(unknown, user, user.sessionId(), Instant.now().plusSeconds(600));
  }

  private TestUser signIn(String username, String role) {
    TestUser user =
        new TestUser(
            UUID.randomUUID(),
            UUID.randomUUID(),
            username,
            username.toLowerCase(Locale.ROOT) + "@example.com",
            role,
            "");
    return withToken(user, user.sessionId(), key, Instant.now().plus(Duration.ofMinutes(15)));
  }

  private TestUser withToken(TestUser user, UUID sessionId, RSAKey signer, Instant expires) {
    String bearer = "Bearer " + sign(signer, user, sessionId, expires);
    return new TestUser(user.id(), sessionId, user.username(), user.email(), user.role(), bearer);
  }

  private static String sign(RSAKey signer, TestUser user, UUID sessionId, Instant expires) {
    return sign(
        signer,
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user.id().toString())
            .claim("sid", sessionId.toString())
            .claim("role", user.role())
            .claim("username", user.username())
            .claim("email", user.email())
            .issueTime(Date.from(expires.minus(Duration.ofMinutes(15))))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build());
  }

  private static String sign(RSAKey signer, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * A signed-in user as a test holds it.
   *
   * @param bearer the {@code Authorization} header value of its session's access token
   */
  public record TestUser(
      UUID id, UUID sessionId, String username, String email, String role, String bearer) {}
}
