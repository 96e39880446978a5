package com.ticketbounty.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.ticketbounty.testsupport.TcpProxy;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * Two gateways on one database count the same attempts: a client that alternates between them still
 * gets 429 at its 11th sign-in of the minute. The second gateway reaches the database through a
 * proxy, so the test can also take its database away.
 */
@GatewayTest
class GatewaySharedRateLimitTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_shared_limits");
  private static final String SIGN_IN = "/api/auth/sign-in";
  private static TcpProxy database;
  private static ConfigurableApplicationContext other;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
  }

  @LocalServerPort int port;

  @BeforeAll
  static void startTheOtherGateway() {
    database = TcpProxy.to(BED.database.host(), BED.database.port());
    other =
        BED.anotherGateway(
            "jdbc:postgresql://%s:%d/%s"
                .formatted(database.host(), database.port(), BED.database.name()));
  }

  @AfterAll
  static void stopTheOtherGateway() {
    try {
      other.close();
    } finally {
      database.close();
    }
  }

  @BeforeEach
  void answerEverythingDownstream() {
    BED.resetServices();
  }

  @Test
  void refusesTheEleventhSignInOfAClientThatAlternatesBetweenTwoGateways() {
    for (int attempt = 1; attempt <= 10; attempt++) {
      int gateway = attempt % 2 == 0 ? port : otherPort();
      signIn(gateway, "127.0.0.61").expectStatus().isOk();
    }

    signIn(port, "127.0.0.61")
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER);
    signIn(otherPort(), "127.0.0.61").expectStatus().isEqualTo(429);

    BED.identityService.verify(10, anyRequestedFor(urlPathEqualTo(SIGN_IN)));
  }

  @Test
  void refusesASignInItCannotCountWith503AndRoutesNothing() {
    database.cut();
    try {
      signIn(otherPort(), "127.0.0.62")
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    } finally {
      database.restore();
    }

    BED.identityService.verify(0, anyRequestedFor(urlPathEqualTo(SIGN_IN)));
  }

  private static int otherPort() {
    return Integer.parseInt(other.getEnvironment().getRequiredProperty("local.server.port"));
  }

  private static WebTestClient.ResponseSpec signIn(int gatewayPort, String clientAddress) {
    HttpClient http =
        HttpClient.create().bindAddress(() -> new InetSocketAddress(clientAddress, 0));
    return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
        .baseUrl("http://127.0.0.1:" + gatewayPort)
        .build()
        .post()
        .uri(SIGN_IN)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"ada@example.com\",\"password\":\"wrong-password\"}")
        .exchange();
  }
}
