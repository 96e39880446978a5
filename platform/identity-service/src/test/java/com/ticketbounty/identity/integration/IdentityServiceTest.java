package com.ticketbounty.identity.integration;

import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.identity.application.IssueServiceToken;
import com.ticketbounty.serviceweb.security.ForwardedHeaders;
import com.ticketbounty.testsupport.EventTap;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service on the machine's PostgreSQL and RabbitMQ, shared by every integration test
 * class (one Spring context, one fresh database, one broker prefix, dropped when the JVM exits).
 * The limits are the defaults; each test's requests come from their own client address (the
 * gateway's {@code X-Forwarded-For}, with the gateway's service token that makes identity believe
 * it) so that no test spends another's attempts.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties =
        "identity.admin-emails=root@example.com, Boss@Example.com, operator@example.com,"
            + " chief@example.com, auditor@example.com")
@AutoConfigureWebTestClient
@Import(IdentityTestWiring.class)
abstract class IdentityServiceTest {
  static final TestDatabase DATABASE = TestDatabase.create("identity");
  static final TestRabbit RABBIT = new TestRabbit();
  static final MutableClock CLOCK = new MutableClock();
  static final List<String> EVENT_NAMES =
      List.of(
          AccountCreated.NAME,
          AccountProfileUpdated.NAME,
          PasswordChanged.NAME,
          SessionEnded.NAME,
          WelcomeEmailRequested.NAME,
          EmailVerificationCodeRequested.NAME,
          PasswordResetRequested.NAME);

  private static EventTap tap;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(IdentityServiceTest::cleanUp));
  }

  static final String GATEWAY_SECRET = "development-secret-of-gateway";

  @Autowired WebTestClient client;
  @Autowired IssueServiceToken issueServiceToken;

  final JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());
  Api api;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.r2dbc.url", DATABASE::r2dbcUrl);
    registry.add("spring.r2dbc.username", DATABASE::user);
    registry.add("event-runtime.name-prefix", RABBIT::prefix);
  }

  @BeforeEach
  void setUpApi() {
    api = new Api(asTheGateway(client), randomAddress());
    // Bound before the test acts, so that no event it causes passes by unseen.
    events();
  }

  /** {@code client} with the gateway's service token on every request, as the gateway sends it. */
  WebTestClient asTheGateway(WebTestClient client) {
    String token = issueServiceToken.issue("gateway", GATEWAY_SECRET).block().value();
    return client.mutate().defaultHeader(ForwardedHeaders.GATEWAY_TOKEN, "Bearer " + token).build();
  }

  /** The tap, opened once the service has declared its exchange. */
  static synchronized EventTap events() {
    if (tap == null) {
      tap = EventTap.open(RABBIT, EVENT_NAMES);
    }
    return tap;
  }

  static String randomAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  long count(String fromWhere, Object... parameters) {
    return jdbc.sql("SELECT count(*) FROM " + fromWhere)
        .params(List.of(parameters))
        .query(Long.class)
        .single();
  }

  private static void cleanUp() {
    String prefix = RABBIT.prefix();
    String service = prefix + "identity-service.";
    List<String> queues =
        List.of("password-changed-audit", "test-reset-links", "test-verification-codes").stream()
            .flatMap(id -> List.of(service + id, service + id + ".dlq").stream())
            .toList();
    try {
      RABBIT.delete(queues, List.of(prefix + "events", prefix + "events.dlx"));
    } finally {
      DATABASE.close();
    }
  }
}
