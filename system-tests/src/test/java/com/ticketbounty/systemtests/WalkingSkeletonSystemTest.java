package com.ticketbounty.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton through the README's run command: the gateway, ticket-service, the outbox
 * relay, RabbitMQ, notification-service and an e-mail provider (WireMock as "any HTTP server").
 */
class WalkingSkeletonSystemTest {
  private static WireMockServer emailProvider;
  private static RunCommand system;

  @BeforeAll
  static void startSystem() throws Exception {
    emailProvider = new WireMockServer(wireMockConfig().dynamicPort());
    emailProvider.start();
    emailProvider.stubFor(
        post(urlEqualTo("/emails"))
            .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"email-1\"}")));
    system =
        RunCommand.start(
            "skeleton",
            Map.of("EMAIL_BASE_URL", emailProvider.baseUrl(), "EMAIL_API_KEY", "re_test_key"));
  }

  @AfterAll
  static void stopSystem() throws Exception {
    List<ProcessHandle> started = system.descendants();
    try {
      assertThat(system.stop()).as("run.sh stops on SIGTERM").isTrue();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(started).noneMatch(ProcessHandle::isAlive));
      assertThat(system.output()).contains("[run] stopped");
    } finally {
      system.close();
      emailProvider.stop();
    }
  }

  @Test
  void aCreatedTicketSendsExactlyOneConfirmationEmail() throws Exception {
    HttpResponse<String> created =
        Http.postJson(system.gateway() + "/api/tickets", Http.ticketJson("Printer on fire"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JsonPath.read(created.body(), "$.id");
    assertThat(Http.get(system.gateway() + "/api/tickets/" + id).body())
        .contains("Printer on fire");
    awaitEmailContaining("Printer on fire");

    // A later ticket's e-mail arriving shows the first had every chance to be sent twice.
    Http.postJson(system.gateway() + "/api/tickets", Http.ticketJson("Coffee machine leaks"));
    awaitEmailContaining("Coffee machine leaks");
    emailProvider.verify(
        1,
        postRequestedFor(urlEqualTo("/emails"))
            .withHeader("Authorization", containing("Bearer re_test_key"))
            .withRequestBody(containing("Printer on fire")));
  }

  @Test
  void malformedJsonIsABadRequestProblem() throws Exception {
    HttpResponse<String> response =
        Http.postJson(system.gateway() + "/api/tickets", "{\"title\": \"unterminated");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aBrokenRuleIsAnUnprocessableProblemNamingTheField() throws Exception {
    HttpResponse<String> response =
        Http.postJson(
            system.gateway() + "/api/tickets",
            Http.ticketJson("Cheap").replace("\"bounty\": 1500", "\"bounty\": 499"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    List<String> fields = JsonPath.read(response.body(), "$.errors[*].field");
    assertThat(fields).containsExactly("bounty");
  }

  private static void awaitEmailContaining(String text) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !emailProvider
                    .findAll(
                        postRequestedFor(urlEqualTo("/emails")).withRequestBody(containing(text)))
                    .isEmpty());
  }
}
