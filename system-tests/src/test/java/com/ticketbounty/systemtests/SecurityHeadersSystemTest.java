package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway of the run command answers with its security headers — a token answer that no cache
 * may keep, a public read, its own 404 — as the frontend's browser receives them.
 */
@ExtendWith(SharedSystem.class)
class SecurityHeadersSystemTest {

  @Test
  void aSignUpAnswerCarryingTokensIsNeverStored() throws Exception {
    String username = Api.unique("headers");
    Http.Reply reply =
        SharedSystem.api()
            .call("POST", "/api/auth/sign-up")
            .json(
                Map.of(
                    "username",
                    username,
                    "email",
                    username + "@example.com",
                    "password",
                    Api.PASSWORD))
            .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(reply.text("/accessToken")).isNotBlank();
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    expectSecurityHeaders(reply);
  }

  @Test
  void aPublicReadAndTheGatewaysOwnErrorCarryThemToo() throws Exception {
    Http.Reply tickets = SharedSystem.api().call("GET", "/api/tickets").send();
    Http.Reply unknown = SharedSystem.api().call("GET", "/nothing/here").send();

    assertThat(tickets.status()).as("%s", tickets).isEqualTo(200);
    assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
    expectSecurityHeaders(tickets);
    expectSecurityHeaders(unknown);
  }

  private static void expectSecurityHeaders(Http.Reply reply) {
    assertThat(reply.header("X-Content-Type-Options")).as("%s", reply).isEqualTo("nosniff");
    assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(reply.response().headers().allValues("Content-Security-Policy"))
        .contains("frame-ancestors 'none'");
    // A development system, not the prod profile: no HSTS pinning of http://localhost.
    assertThat(reply.header("Strict-Transport-Security")).isNull();
  }
}
