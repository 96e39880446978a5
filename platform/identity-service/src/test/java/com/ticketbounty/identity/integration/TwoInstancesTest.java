package com.ticketbounty.identity.integration;

import static com.ticketbounty.identity.integration.AbuseLimitsTest.expectRefused;
import static com.ticketbounty.identity.integration.IdentityServiceTest.randomAddress;
import static com.ticketbounty.identity.integration.Problems.expectProblem;

import com.ticketbounty.identity.IdentityServiceApplication;
import com.ticketbounty.identity.application.IssueServiceToken;
import com.ticketbounty.serviceweb.security.ForwardedHeaders;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances of identity-service — two application contexts, each with its own connection pools
 * — on one database, with application.yml's limits: a client that alternates between them is
 * refused at its 11th attempt of the minute as it would be at one instance, because both count in
 * the database.
 */
class TwoInstancesTest {
  private static final TestDatabase DATABASE = TestDatabase.create("identity_two_instances");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
  private static final List<WebTestClient> CLIENTS = new ArrayList<>();

  @BeforeAll
  static void startTwoInstances() {
    // One after the other: the first creates the signing key that both then sign with.
    for (int i = 0; i < 2; i++) {
      ConfigurableApplicationContext instance =
          new SpringApplicationBuilder(IdentityServiceApplication.class)
              .run(
                  "--server.port=0",
                  "--spring.datasource.url=" + DATABASE.jdbcUrl(),
                  "--spring.datasource.username=" + DATABASE.user(),
                  "--spring.r2dbc.url=" + DATABASE.r2dbcUrl(),
                  "--spring.r2dbc.username=" + DATABASE.user(),
                  "--event-runtime.name-prefix=" + RABBIT.prefix());
      INSTANCES.add(instance);
      String port = instance.getEnvironment().getRequiredProperty("local.server.port");
      // As the gateway sends them: with its service token, so the X-Forwarded-For is believed.
      String gatewayToken =
          instance
              .getBean(IssueServiceToken.class)
              .issue("gateway", IdentityServiceTest.GATEWAY_SECRET)
              .block()
              .value();
      CLIENTS.add(
          WebTestClient.bindToServer()
              .baseUrl("http://127.0.0.1:" + port)
              .responseTimeout(Duration.ofSeconds(30))
              .defaultHeader(ForwardedHeaders.GATEWAY_TOKEN, "Bearer " + gatewayToken)
              .build());
    }
  }

  @AfterAll
  static void stopThem() {
    try {
      INSTANCES.forEach(ConfigurableApplicationContext::close);
      String queue = RABBIT.prefix() + "identity-service.password-changed-audit";
      RABBIT.delete(
          List.of(queue, queue + ".dlq"),
          List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    } finally {
      DATABASE.close();
    }
  }

  @Test
  void refusesTheEleventhSignUpOfAClientThatAlternatesBetweenTheInstances() {
    String address = randomAddress();
    for (int attempt = 1; attempt <= 10; attempt++) {
      at(attempt, address).signUp();
    }

    expectRefused(at(11, address).post("/api/auth/sign-up", newAccount()));
    expectRefused(at(12, address).post("/api/auth/sign-up", newAccount()));
  }

  @Test
  void refusesTheEleventhResetOfAClientThatAlternatesBetweenTheInstances() {
    String address = randomAddress();
    for (int attempt = 1; attempt <= 10; attempt++) {
      expectProblem(at(attempt, address).post("/api/auth/password/reset", reset()), 422);
    }

    expectRefused(at(11, address).post("/api/auth/password/reset", reset()));
  }

  @Test
  void refusesTheEleventhGuessAtAnAccountsPasswordAlternatingBetweenTheInstances() {
    Api.Account account = at(0, randomAddress()).signUp();
    for (int attempt = 1; attempt <= 10; attempt++) {
      expectProblem(
          at(attempt, randomAddress()).changePassword(account.accessToken(), change("guess")), 422);
    }

    expectRefused(
        at(11, randomAddress()).changePassword(account.accessToken(), change(account.password())));
  }

  @Test
  void refusesTheEleventhVerificationRequestAlternatingBetweenTheInstances() {
    Api.Account account = at(0, randomAddress()).signUp();
    String address = randomAddress();
    for (int attempt = 1; attempt <= 10; attempt++) {
      at(attempt, address)
          .postWithoutBody("/api/auth/email/verification", account.accessToken())
          .expectStatus()
          .isAccepted();
    }

    expectRefused(
        at(11, address).postWithoutBody("/api/auth/email/verification", account.accessToken()));
  }

  /** The instance an attempt goes to: the first for odd attempts, the second for even ones. */
  private static Api at(int attempt, String address) {
    return new Api(CLIENTS.get(attempt % 2), address);
  }

  private static Map<String, String> newAccount() {
    String name = "t" + UUID.randomUUID().toString().substring(0, 8);
    return Map.of("username", name, "email", name + "@example.com", "password", Api.PASSWORD);
  }

  private static Map<String, String> reset() {
    return Map.of("token", UUID.randomUUID().toString(), "password", "brand-new-pw");
  }

  private static Map<String, String> change(String currentPassword) {
    return Map.of("currentPassword", currentPassword, "newPassword", "new-password-1");
  }
}
