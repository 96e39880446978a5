package com.ticketbounty.ticket.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import com.ticketbounty.testsupport.TestRabbit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole ticket-service on the machine's PostgreSQL and RabbitMQ, with access tokens of a {@link
 * TestIdentity}. Every test class that extends this one shares one started service (one Spring
 * context, one database, one broker prefix), which is removed after the last test of the run; so
 * tests make their own users and tickets and never count what others made. Its tickets-per-minute
 * limit is raised.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = TicketServiceTest.RAISED_LIMITS)
@AutoConfigureWebTestClient
@ExtendWith(TicketServiceTest.RemovedAfterTheRun.class)
public abstract class TicketServiceTest {
  /**
   * Some tests open more tickets as one owner than a minute allows; {@link TicketLimitsTest} proves
   * the configured limit in a context of its own.
   */
  static final String RAISED_LIMITS = "ticket-service.rate-limits.tickets-per-minute=1000000";

  protected static final TestDatabase DATABASE = TestDatabase.create("ticket");
  protected static final TestRabbit RABBIT = new TestRabbit();
  protected static final TestIdentity IDENTITY = TestIdentity.start();
  protected static final Duration PATIENCE = Duration.ofSeconds(30);
  protected static final String SERVICE = "ticket-service";

  protected WebTestClient client;
  @Autowired private TransactionalEventPublisher publisher;
  @Autowired private TransactionalOperator ticketTransactions;

  protected final JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());

  /** With patience for a loaded machine: the tests share two cores with other builds. */
  @Autowired
  void client(WebTestClient client) {
    this.client = client.mutate().responseTimeout(PATIENCE).build();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.r2dbc.url", DATABASE::r2dbcUrl);
    registry.add("spring.r2dbc.username", DATABASE::user);
    registry.add("event-runtime.name-prefix", RABBIT::prefix);
    registry.add("ticketbounty.security.jwks-uri", IDENTITY::jwksUri);
  }

  /** Drops the database, the broker names and the JWKS server once every test class has run. */
  static final class RemovedAfterTheRun implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      context
          .getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .computeIfAbsent(
              RemovedAfterTheRun.class, key -> (AutoCloseable) TicketServiceTest::removeAll);
    }
  }

  private static void removeAll() {
    List<String> queues = new ArrayList<>();
    for (String subscription :
        List.of("session-ended", "accounts-created", "accounts-profile-updated")) {
      String queue = RABBIT.prefix() + SERVICE + "." + subscription;
      queues.add(queue);
      queues.add(queue + ".dlq");
    }
    RABBIT.delete(queues, List.of(RABBIT.prefix() + "events", RABBIT.prefix() + "events.dlx"));
    IDENTITY.close();
    DATABASE.close();
  }

  /** A signed-in user with a name of its own (3–20 characters, as identity allows). */
  protected static TestUser user(String name) {
    return IDENTITY.user(name + UUID.randomUUID().toString().substring(0, 6));
  }

  /** A user this service has heard of through {@code app/account.created}. */
  protected TestUser knownUser(String name) {
    TestUser user = user(name);
    publish(
        user.id().toString(),
        new AccountCreated(
            user.id(), user.username(), user.email(), "USER", "immediate", 1, Instant.now()));
    await().atMost(PATIENCE).until(() -> usernameOf(user.id()) != null);
    return user;
  }

  protected @Nullable String usernameOf(UUID userId) {
    return jdbc.sql("SELECT username FROM service_web.accounts WHERE user_id = ?")
        .param(userId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Publishes {@code event} as another service would: through the outbox to the broker. */
  protected void publish(String aggregateKey, Object event) {
    ticketTransactions.transactional(publisher.publish(aggregateKey, event, null)).block();
  }

  protected static String ticketJson(String title) {
    return """
        {"title":"%s","content":"The sign-in button does nothing on Safari.",
         "deadline":"2026-12-24","bounty":5000,"priority":"urgent"}"""
        .formatted(title);
  }

  /** Opens a ticket of {@code owner}'s and answers it as the service did. */
  protected JsonNode open(TestUser owner, String title) {
    return json(
        send(HttpMethod.POST, "/api/tickets", owner, ticketJson(title)).expectStatus().isCreated());
  }

  /** A request as {@code user} (none: anonymous) with {@code body} (none: no body). */
  protected WebTestClient.ResponseSpec send(
      HttpMethod method, String uri, @Nullable TestUser user, @Nullable String body) {
    WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
    if (user != null) {
      request.header(HttpHeaders.AUTHORIZATION, user.bearer());
    }
    return body == null
        ? request.exchange()
        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  protected static JsonNode json(WebTestClient.ResponseSpec response) {
    byte[] body = response.expectBody().returnResult().getResponseBody();
    return JsonMapper.shared().readTree(body == null ? new byte[0] : body);
  }

  /**
   * Expects an RFC 9457 problem of {@code status} with a detail and nothing of our insides.
   *
   * @return the problem
   */
  protected static JsonNode expectProblem(WebTestClient.ResponseSpec response, int status) {
    byte[] body =
        response
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .returnResult()
            .getResponseBody();
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text)
        .doesNotContain("Exception", "\tat ", "trace", "tools.jackson", "com.ticketbounty");
    JsonNode problem = JsonMapper.shared().readTree(text);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asString()).isNotBlank();
    return problem;
  }

  /** The {@code field} of each entry of a problem's {@code errors}. */
  protected static List<String> fieldsOf(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
    return fields;
  }
}
