package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.systemtests.Api.Account;
import com.ticketbounty.testsupport.TcpProxy;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits hold across instances, end to end and with application.yml's limits (the shared system
 * raises them): two identity-services on one database, each behind a gateway of its own, the two
 * gateways on one database of theirs — four processes from the jars Maven packaged, started at once
 * (about a minute on this machine), without ticket, comment and notification services. Requests
 * alternate between the gateways, and so between the identity instances; they all come from this
 * test's address, which each gateway passes on as X-Forwarded-For, and each endpoint counts on its
 * own. The 10th attempt of the minute is answered, the 11th is 429 with Retry-After.
 */
class TwoInstanceLimitsSystemTest {
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final TestDatabase IDENTITY_DATABASE = TestDatabase.create("limits_identity");
  private static final TestDatabase GATEWAY_DATABASE = TestDatabase.create("limits_gateway");
  private static final TestRabbit RABBIT = new TestRabbit();
  private static final List<JarProcess> PROCESSES = new ArrayList<>();
  private static final List<Api> GATEWAYS = new ArrayList<>();

  @BeforeAll
  static void startTwoOfEach() throws IOException {
    Path logs =
        RunCommand.REPOSITORY.resolve("system-tests/target/two-instances-" + UUID.randomUUID());
    String nowhere = "http://127.0.0.1:" + TcpProxy.freePort();
    List<JarProcess> gateways = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      int identityPort = TcpProxy.freePort();
      JarProcess identity =
          JarProcess.start(
              "identity-service",
              "identity-" + i,
              identityPort,
              environment(IDENTITY_DATABASE, Map.of("IDENTITY_SERVICE_PORT", "" + identityPort)),
              logs);
      PROCESSES.add(identity);
      int gatewayPort = TcpProxy.freePort();
      JarProcess gateway =
          JarProcess.start(
              "gateway",
              "gateway-" + i,
              gatewayPort,
              environment(
                  GATEWAY_DATABASE,
                  Map.of(
                      "GATEWAY_PORT",
                      "" + gatewayPort,
                      "IDENTITY_SERVICE_URL",
                      identity.url(),
                      "TICKET_SERVICE_URL",
                      nowhere,
                      "COMMENT_SERVICE_URL",
                      nowhere)),
              logs);
      PROCESSES.add(gateway);
      gateways.add(gateway);
    }
    PROCESSES.forEach(process -> process.awaitHealthy(PATIENCE));
    gateways.forEach(gateway -> GATEWAYS.add(new Api(gateway.url())));
  }

  @AfterAll
  static void stopThem() throws Exception {
    try {
      for (JarProcess process : PROCESSES) {
        process.close();
      }
      String prefix = RABBIT.prefix();
      RABBIT.delete(
          RunCommand.queuesNamed(prefix), List.of(prefix + "events", prefix + "events.dlx"));
    } finally {
      IDENTITY_DATABASE.close();
      GATEWAY_DATABASE.close();
    }
  }

  @Test
  void theEleventhAttemptOfTheMinuteIsRefusedWhicheverInstancesTheAttemptsReached()
      throws Exception {
    // Sign-up first: every account the later steps need is one of its ten.
    List<Account> accounts = new ArrayList<>();
    for (int attempt = 1; attempt <= 10; attempt++) {
      accounts.add(at(attempt).signUp("limit"));
    }
    expectRefused(
        at(11).call("POST", "/api/auth/sign-up").json(newAccount()).send(), "the 11th sign-up");

    for (int attempt = 1; attempt <= 10; attempt++) {
      expectAnswered(
          at(attempt).call("POST", "/api/auth/password/reset").json(reset()).send(), 422);
    }
    expectRefused(
        at(11).call("POST", "/api/auth/password/reset").json(reset()).send(), "the 11th reset");

    Account guessed = accounts.get(0);
    for (int attempt = 1; attempt <= 10; attempt++) {
      expectAnswered(changePassword(at(attempt), guessed, "guess-" + attempt), 422);
    }
    expectRefused(
        changePassword(at(11), guessed, Api.PASSWORD), "the 11th password change, though right");

    Account verifying = accounts.get(1);
    for (int attempt = 1; attempt <= 10; attempt++) {
      expectAnswered(requestVerification(at(attempt), verifying), 202);
    }
    expectRefused(requestVerification(at(11), verifying), "the 11th verification request");
  }

  /** The gateway an attempt goes to: the first for odd attempts, the second for even ones. */
  private static Api at(int attempt) {
    return GATEWAYS.get(attempt % 2);
  }

  private static Map<String, String> environment(
      TestDatabase database, Map<String, String> service) {
    Map<String, String> environment = new HashMap<>(service);
    environment.put("DB_HOST", database.host());
    environment.put("DB_PORT", "" + database.port());
    environment.put("DB_USER", database.user());
    environment.put("DB_NAME", database.name());
    // Spring's environment form of event-runtime.name-prefix, as run.sh sets it.
    environment.put("EVENTRUNTIME_NAMEPREFIX", RABBIT.prefix());
    return environment;
  }

  private static Http.Reply changePassword(Api gateway, Account account, String current)
      throws IOException, InterruptedException {
    return gateway
        .call("PUT", "/api/account/password")
        .bearer(account.accessToken())
        .json(Map.of("currentPassword", current, "newPassword", "new-password-1"))
        .send();
  }

  private static Http.Reply requestVerification(Api gateway, Account account)
      throws IOException, InterruptedException {
    return gateway
        .call("POST", "/api/auth/email/verification")
        .bearer(account.accessToken())
        .send();
  }

  private static Map<String, String> newAccount() {
    String username = Api.unique("limit");
    return Map.of(
        "username", username, "email", username + "@example.com", "password", Api.PASSWORD);
  }

  private static Map<String, String> reset() {
    return Map.of("token", UUID.randomUUID().toString(), "password", "brand-new-pw");
  }

  private static void expectAnswered(Http.Reply reply, int status) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
  }

  private static void expectRefused(Http.Reply reply, String what) {
    assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(429);
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(Long.parseLong(reply.header("Retry-After"))).as(what).isBetween(1L, 60L);
  }
}
