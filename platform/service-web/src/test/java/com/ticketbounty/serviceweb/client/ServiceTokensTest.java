package com.ticketbounty.serviceweb.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A service's token for calling the others: asked of identity-service's token endpoint with the
 * client's id and secret, kept while it is valid, sent on every internal call, and asked anew after
 * a call is refused.
 */
class ServiceTokensTest {
  private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ServiceClientAutoConfiguration.class));

  ServiceTokensTest() {
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void asksOnceWithItsCredentialsAndSendsTheTokenOnEveryCall() {
    tokens("token-1", "token-2");
    server.stubFor(get(urlEqualTo("/internal/tickets/1")).willReturn(aResponse().withBody("{}")));

    run(
        client -> {
          assertThat(call(client)).isEqualTo(200);
          assertThat(call(client)).isEqualTo(200);
        });

    server.verify(
        1,
        postRequestedFor(urlEqualTo("/oauth2/token"))
            .withHeader("Authorization", equalTo(basic("comment-service", "s3cret")))
            .withRequestBody(containing("grant_type=client_credentials")));
    server.verify(
        2,
        getRequestedFor(urlEqualTo("/internal/tickets/1"))
            .withHeader("Authorization", equalTo("Bearer token-1")));
  }

  @Test
  void asksForANewTokenAfterACallIsRefused() {
    tokens("token-1", "token-2");
    server.stubFor(
        get(urlEqualTo("/internal/tickets/1"))
            .withHeader("Authorization", equalTo("Bearer token-1"))
            .willReturn(aResponse().withStatus(401)));
    server.stubFor(
        get(urlEqualTo("/internal/tickets/1"))
            .withHeader("Authorization", equalTo("Bearer token-2"))
            .willReturn(aResponse().withBody("{}")));

    run(
        client -> {
          assertThat(call(client)).isEqualTo(401);
          assertThat(call(client)).isEqualTo(200);
        });

    server.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
  }

  @Test
  void aClientIdWithoutASecretStopsStartUp() {
    runner
        .withPropertyValues("ticketbounty.service-client.id=comment-service")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("needs both an id and a secret"));
  }

  @Test
  void theDevelopmentSecretIsNamedForTheProductionGuard() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("ticketbounty.service-client.id", "comment-service")
            .withProperty(
                "ticketbounty.service-client.secret",
                ServiceClientProperties.DEVELOPMENT_SECRET_PREFIX + "comment-service");
    assertThat(new ServiceClientDevelopmentDefaults().foundIn(environment))
        .singleElement()
        .asString()
        .startsWith("The prod profile refuses COMMENT_SERVICE_CLIENT_SECRET:");

    environment.setProperty("ticketbounty.service-client.secret", "an-operator-chose-this");
    assertThat(new ServiceClientDevelopmentDefaults().foundIn(environment)).isEmpty();
  }

  /** Each token request gets the next token, in order. */
  private void tokens(String... tokens) {
    String state = Scenario.STARTED;
    for (int i = 0; i < tokens.length; i++) {
      String next = i + 1 < tokens.length ? "token " + (i + 1) : "spent";
      server.stubFor(
          post(urlEqualTo("/oauth2/token"))
              .inScenario("tokens")
              .whenScenarioStateIs(state)
              .willSetStateTo(next)
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":900}"
                              .formatted(tokens[i]))));
      state = next;
    }
  }

  private void run(java.util.function.Consumer<WebClient> calls) {
    runner
        .withPropertyValues(
            "ticketbounty.service-client.id=comment-service",
            "ticketbounty.service-client.secret=s3cret",
            "ticketbounty.service-client.token-uri=" + server.baseUrl() + "/oauth2/token")
        .run(
            context ->
                calls.accept(
                    WebClient.builder()
                        .baseUrl(server.baseUrl())
                        .filter(context.getBean(ServiceTokens.class).bearer())
                        .build()));
  }

  private static int call(WebClient client) {
    return client
        .get()
        .uri("/internal/tickets/1")
        .exchangeToMono(
            response -> response.releaseBody().thenReturn(response.statusCode().value()))
        .block(Duration.ofSeconds(10));
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
