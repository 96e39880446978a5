package com.ticketbounty.comment.integration;

import static com.ticketbounty.comment.integration.Problems.expectForbidden;
import static com.ticketbounty.comment.integration.Problems.expectProblem;
import static com.ticketbounty.comment.integration.Problems.expectUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /internal/comments/count} (admin-digest-service's figures): every comment that exists
 * and those created at or after {@code since}, for a service token only. The test classes share one
 * service and run one after another, so a test compares the figures before and after it stored
 * comments of its own, created where it chose around a {@code since} long past (no other test
 * stores comments then, nor on the random tickets they belong to).
 */
@ExtendWith(CommentServiceExtension.class)
class CommentCountTest {
  private static final Instant SINCE = Instant.parse("2001-03-01T12:00:00Z");
  private static final String DIGEST = "admin-digest-service";

  private final RunningCommentService service;
  private final TestIdentity identity;
  private final CommentApi api;

  CommentCountTest(RunningCommentService service) {
    this.service = service;
    this.identity = service.identity();
    this.api = new CommentApi(service);
  }

  @Test
  void countsCommentsThatExistAndThoseCreatedFromSinceOn() throws Exception {
    Counts before = counts(SINCE.toString());
    UUID ticket = UUID.randomUUID();
    store(ticket, SINCE.minus(Duration.ofDays(30)));
    store(ticket, SINCE.minusNanos(1_000));
    store(ticket, SINCE);
    store(ticket, SINCE.plusNanos(1_000));
    store(ticket, SINCE.plus(Duration.ofDays(6)));
    TestUser ada = identity.user("ada");
    String deleted =
        api.posted(api.ticketOf(identity.user("owner")), ada, "Gone before counting")
            .get("id")
            .asString();
    api.delete(deleted, ada).expectStatus().isNoContent();

    Counts after = counts(SINCE.toString());

    assertThat(after.total() - before.total()).isEqualTo(5);
    assertThat(after.createdSince() - before.createdSince()).isEqualTo(3);
    assertThat(after.createdSince()).isLessThanOrEqualTo(after.total());
  }

  @Test
  void answersTheFiguresWithTheInstantAskedAboutInUtc() {
    store(UUID.randomUUID(), SINCE.plusSeconds(60));

    JsonNode inUtc = json(ask(SINCE.toString(), identity.serviceBearer(DIGEST)));
    JsonNode withOffset = json(ask("2001-03-01T13:00:00+01:00", identity.serviceBearer(DIGEST)));

    assertThat(inUtc.propertyNames()).containsExactlyInAnyOrder("total", "createdSince", "since");
    assertThat(inUtc.get("since").asString()).isEqualTo("2001-03-01T12:00:00Z");
    assertThat(inUtc.get("createdSince").asLong()).isPositive();
    assertThat(withOffset).isEqualTo(inUtc);
  }

  @Test
  void countsNothingCreatedFromAFutureSinceOn() {
    store(UUID.randomUUID(), SINCE);
    Instant future = OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).toInstant();

    Counts counts = counts(future.toString());

    assertThat(counts.createdSince()).isZero();
    assertThat(counts.total()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2026-01-01", "2026-13-01T00:00:00Z", "1767225600"})
  void refusesASinceThatIsNoInstantWith400NamingIt(String since) {
    expectProblem(ask(since, identity.serviceBearer(DIGEST)), 400)
        .jsonPath("$.errors[*].field")
        .isEqualTo("since");
  }

  @Test
  void refusesAMissingSinceWith400NamingIt() {
    expectProblem(ask(null, identity.serviceBearer(DIGEST)), 400)
        .jsonPath("$.errors[*].field")
        .isEqualTo("since");
  }

  @Test
  void letsAServiceOrAnAdminCountAndNobodyElse() {
    TestUser user = identity.user("curious");
    TestUser admin = identity.admin("admin");

    expectUnauthorized(ask(SINCE.toString(), null));
    expectForbidden(ask(SINCE.toString(), user.bearer()));
    ask(SINCE.toString(), admin.bearer()).expectStatus().isOk();
    // Who asks is decided before what is asked.
    expectForbidden(ask("yesterday", user.bearer()));
    expectUnauthorized(ask(null, null));
    ask(SINCE.toString(), identity.serviceBearer("ticket-service")).expectStatus().isOk();
  }

  private record Counts(long total, long createdSince) {}

  private Counts counts(String since) {
    JsonNode answer = json(ask(since, identity.serviceBearer(DIGEST)));
    return new Counts(answer.get("total").asLong(), answer.get("createdSince").asLong());
  }

  private static JsonNode json(WebTestClient.ResponseSpec response) {
    return response
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  /** {@code since} travels as a URI variable, so that an offset's {@code +} arrives encoded. */
  private WebTestClient.ResponseSpec ask(@Nullable String since, @Nullable String bearer) {
    WebTestClient.RequestHeadersSpec<?> request =
        service
            .client()
            .get()
            .uri(
                uri ->
                    since == null
                        ? uri.path("/internal/comments/count").build()
                        : uri.path("/internal/comments/count")
                            .queryParam("since", "{since}")
                            .build(since));
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return request.exchange();
  }

  /** A comment on {@code ticket} created at {@code createdAt}, stored as the service stores one. */
  private void store(UUID ticket, Instant createdAt) {
    OffsetDateTime at = OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC);
    service
        .jdbc()
        .sql(
            "INSERT INTO comments (id, ticket_id, author_id, content, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'Seeded for the count.', ?, ?)")
        .params(UUID.randomUUID(), ticket, UUID.randomUUID(), at, at)
        .update();
  }
}
