package com.ticketbounty.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TcpProxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** ticket-service is down: nothing listens where the route points. */
@GatewayTest
class GatewayDownstreamDownTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_down");

  @DynamicPropertySource
  static void routeToNothing(DynamicPropertyRegistry registry) {
    BED.register(registry);
    int closedPort = TcpProxy.freePort();
    registry.add("TICKET_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort);
  }

  @Autowired WebTestClient client;

  @Test
  void answersServiceUnavailableProblemWhenTicketServiceIsDown() {
    byte[] body =
        client
            .post()
            .uri("/api/tickets")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"title\":\"Fix the login page\"}")
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(503)
            .jsonPath("$.title")
            .isEqualTo("Service Unavailable")
            .jsonPath("$.instance")
            .isEqualTo("/api/tickets")
            .returnResult()
            .getResponseBody();

    assertThat(new String(body, StandardCharsets.UTF_8))
        .doesNotContain("trace", "Exception", "127.0.0.1");
  }
}
