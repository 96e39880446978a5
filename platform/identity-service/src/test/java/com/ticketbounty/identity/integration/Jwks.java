package com.ticketbounty.identity.integration;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The public keys an identity-service serves, read as a verifier would read them. */
final class Jwks {
  private Jwks() {}

  static JWKSet of(WebTestClient client) throws ParseException {
    byte[] body =
        client
            .get()
            .uri("/.well-known/jwks.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    return JWKSet.parse(new String(body, StandardCharsets.UTF_8));
  }
}
