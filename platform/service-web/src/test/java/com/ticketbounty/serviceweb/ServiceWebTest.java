package com.ticketbounty.serviceweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.serviceweb.accounts.AccountNames;
import com.ticketbounty.serviceweb.app.TestServiceApplication;
import com.ticketbounty.serviceweb.app.TestServiceBed;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;

/**
 * service-web in a small service on the machine's PostgreSQL and RabbitMQ: tokens verified at the
 * door, sessions refused once {@code app/auth.session-ended} has been consumed, the Idempotency-Key
 * guard, and the accounts read model.
 */
@SpringBootTest(
    classes = TestServiceApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ServiceWebTest {
  private static final TestServiceBed BED = TestServiceBed.start("service_web", "service-web-test");
  private static final TestDatabase DATABASE = BED.database();
  private static final TestIdentity IDENTITY = BED.identity();

  @Autowired WebTestClient client;
  @Autowired TransactionalEventPublisher publisher;
  @Autowired TransactionalOperator transactions;
  @Autowired AccountNames accountNames;

  private final JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
  }

  @AfterAll
  static void cleanUp() {
    BED.close();
  }

  @Test
  void letsAnonymousRequestsReachPublicEndpoints() {
    client
        .get()
        .uri("/public")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.caller")
        .isEqualTo("anonymous");
  }

  @Test
  void answersAnEndpointThatNeedsACallerWith401WithoutAToken() {
    client
        .get()
        .uri("/private")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401);
  }

  @Test
  void handsTheVerifiedCallerToTheController() {
    TestUser ada = IDENTITY.user("ada");

    client
        .get()
        .uri("/private")
        .header(HttpHeaders.AUTHORIZATION, ada.bearer())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.userId")
        .isEqualTo(ada.id().toString())
        .jsonPath("$.sessionId")
        .isEqualTo(ada.sessionId().toString())
        .jsonPath("$.username")
        .isEqualTo("ada")
        .jsonPath("$.role")
        .isEqualTo("USER");
  }

  @Test
  void refusesExpiredForgedAndMalformedTokensEvenOnPublicEndpoints() {
    TestUser bob = IDENTITY.user("bob");
    for (String header :
        List.of(
            IDENTITY.expiredBearer(bob),
            IDENTITY.forgedBearer(bob),
            "Bearer not-a-jwt",
            "Basic Ym9iOnNlY3JldA==",
            "Bearer ")) {
      client
          .get()
          .uri("/public")
          .header(HttpHeaders.AUTHORIZATION, header)
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.detail")
          .isNotEmpty();
    }
  }

  @Test
  void readsNoTokenWhereAClientSignsIn() {
    TestUser bob = IDENTITY.user("bob");
    // A frontend that attaches its last token to every request: expired, forged, or still valid.
    for (String header :
        List.of(
            IDENTITY.expiredBearer(bob),
            IDENTITY.forgedBearer(bob),
            "Bearer not-a-jwt",
            bob.bearer())) {
      client
          .post()
          .uri("/api/auth/sign-in")
          .header(HttpHeaders.AUTHORIZATION, header)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.caller")
          .isEqualTo("anonymous");
    }
  }

  @Test
  void refusesTokensOfAnUnknownKeyWith401EvenWhenTheyComeOneAfterAnother() {
    TestUser mallory = IDENTITY.user("mallory");

    for (int i = 0; i < 5; i++) {
      client
          .get()
          .uri("/public")
          .header(HttpHeaders.AUTHORIZATION, IDENTITY.unknownKeyBearer(mallory))
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
  }

  @Test
  void refusesTheTokensOfASessionOnceItsEndHasBeenConsumed() {
    TestUser carol = IDENTITY.user("carol");
    TestUser otherSession = IDENTITY.newSession(carol);
    expectPrivate(carol, HttpStatus.OK);

    publish(
        carol.id().toString(),
        new SessionEnded(
            carol.sessionId(),
            carol.id(),
            "sign-out",
            Instant.now(),
            Instant.now().plus(Duration.ofMinutes(15))));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> expectPrivate(carol, HttpStatus.UNAUTHORIZED));
    expectPrivate(otherSession, HttpStatus.OK);
  }

  @Test
  void createsOneThingForARepeatedIdempotencyKeyAndReplaysTheFirstAnswer() {
    TestUser dave = IDENTITY.user("dave");

    JsonNode first = postThing(dave, "key-1", "lamp", HttpStatus.CREATED);
    JsonNode again = postThing(dave, "key-1", "lamp", HttpStatus.CREATED);

    assertThat(again).isEqualTo(first);
    assertThat(thingsOf(dave)).isEqualTo(1);
    postThing(dave, "key-2", "lamp", HttpStatus.CREATED);
    postThing(dave, null, "lamp", HttpStatus.CREATED);
    assertThat(thingsOf(dave)).isEqualTo(3);
  }

  @Test
  void answersTextThatPostgresCannotStoreWith400() {
    TestUser ivy = IDENTITY.user("ivy");

    JsonNode problem = postThing(ivy, null, "nul\u0000byte", HttpStatus.BAD_REQUEST);

    assertThat(problem.path("detail").asString()).contains("NUL");
    assertThat(thingsOf(ivy)).isZero();
  }

  @Test
  void scopesAKeyToItsCaller() {
    TestUser erin = IDENTITY.user("erin");
    TestUser frank = IDENTITY.user("frank");

    postThing(erin, "shared-key", "desk", HttpStatus.CREATED);
    postThing(frank, "shared-key", "desk", HttpStatus.CREATED);

    assertThat(thingsOf(erin)).isEqualTo(1);
    assertThat(thingsOf(frank)).isEqualTo(1);
  }

  @Test
  void refusesAKeyReusedForAnotherRequestAndAMalformedKey() {
    TestUser grace = IDENTITY.user("grace");
    postThing(grace, "key-1", "chair", HttpStatus.CREATED);

    JsonNode reused = postThing(grace, "key-1", "table", HttpStatus.UNPROCESSABLE_CONTENT);
    JsonNode malformed = postThing(grace, "x".repeat(256), "table", HttpStatus.BAD_REQUEST);

    assertThat(reused.at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
    assertThat(malformed.at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
    assertThat(thingsOf(grace)).isEqualTo(1);
  }

  @Test
  void createsOneThingWhenDuplicatesArriveAtOnce() {
    TestUser heidi = IDENTITY.user("heidi");

    List<CompletableFuture<Integer>> answers =
        IntStream.range(0, 6)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            client
                                .post()
                                .uri("/things")
                                .header(HttpHeaders.AUTHORIZATION, heidi.bearer())
                                .header("Idempotency-Key", "at-once")
                                .bodyValue(Map.of("name", "kettle"))
                                .exchange()
                                .returnResult(String.class)
                                .getStatus()
                                .value()))
            .toList();

    assertThat(answers.stream().map(CompletableFuture::join)).containsOnly(201);
    assertThat(thingsOf(heidi)).isEqualTo(1);
  }

  @Test
  void keepsTheNewestUsernameWhateverOrderTheAccountEventsArriveIn() {
    UUID ivan = UUID.randomUUID();
    accountNames.remember(ivan, "ivan-from-token").block();
    publish(ivan.toString(), profile(ivan, "ivan3", 3));
    publish(ivan.toString(), profile(ivan, "ivan2", 2));
    publish(
        ivan.toString(),
        new AccountCreated(
            ivan, "ivan", "ivan@example.com", "USER", "immediate", 1, Instant.now()));
    UUID judy = UUID.randomUUID();
    publish(judy.toString(), profile(judy, "judy-last", 2));

    await().atMost(Duration.ofSeconds(30)).until(() -> accountNames.exists(judy).block());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> consumed("accounts-created") >= 1 && consumed("accounts-profile-updated") >= 3);
    assertThat(accountNames.usernames(List.of(ivan, judy)).block())
        .containsEntry(ivan, "ivan3")
        .containsEntry(judy, "judy-last");
  }

  private int consumed(String subscription) {
    return jdbc.sql("SELECT count(*) FROM event_runtime.inbox WHERE subscription = ?")
        .param(subscription)
        .query(Integer.class)
        .single();
  }

  @Test
  void answersTheAttemptAfterTheLimitWith429AndRetryAfter() {
    String wisher = UUID.randomUUID().toString();
    wish(wisher).expectStatus().isOk();
    wish(wisher).expectStatus().isOk();

    wish(wisher)
        .expectStatus()
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(
            HttpHeaders.RETRY_AFTER,
            seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L))
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(429)
        .jsonPath("$.detail")
        .value(detail -> assertThat(detail.toString()).startsWith("Too many attempts"));
    wish(UUID.randomUUID().toString()).expectStatus().isOk();
  }

  @Test
  void documentsTheTooManyAttemptsAnswerBesideTheOperationsOwn() {
    JsonNode wish =
        client
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .at("/paths/~1wishes/post/responses");

    assertThat(wish.propertyNames()).containsExactlyInAnyOrder("200", "429");
    assertThat(wish.at("/429/headers/Retry-After/schema/type").asString()).isEqualTo("integer");
    assertThat(wish.at("/429/content").propertyNames()).containsExactly("application/problem+json");
  }

  private WebTestClient.ResponseSpec wish(String wisher) {
    return client.post().uri("/wishes?wisher={wisher}", wisher).exchange();
  }

  private static AccountProfileUpdated profile(UUID user, String name, long version) {
    return new AccountProfileUpdated(
        user, name, "immediate", version, Instant.now(), name + "@example.com", "USER", true);
  }

  private void publish(String key, Object event) {
    transactions.transactional(publisher.publish(key, event, null)).block();
  }

  private void expectPrivate(TestUser user, HttpStatus status) {
    client
        .get()
        .uri("/private")
        .header(HttpHeaders.AUTHORIZATION, user.bearer())
        .exchange()
        .expectStatus()
        .isEqualTo(status);
  }

  private JsonNode postThing(TestUser user, String key, String name, HttpStatus status) {
    WebTestClient.RequestBodySpec request =
        client.post().uri("/things").header(HttpHeaders.AUTHORIZATION, user.bearer());
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request
        .bodyValue(Map.of("name", name))
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  private int thingsOf(TestUser user) {
    return jdbc.sql("SELECT count(*) FROM things WHERE owner_id = ?")
        .param(user.id())
        .query(Integer.class)
        .single();
  }
}
