package com.ticketbounty.ticket.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /internal/tickets/count} (admin-digest-service's figures): every ticket that exists
 * and those created at or after {@code since}, for a service token only. The test classes share one
 * database and run one after another, so a test compares the figures before and after it stored
 * tickets of its own, created where it chose around a {@code since} long past (no other test stores
 * tickets then, and lists filter them out).
 */
class TicketCountTest extends TicketServiceTest {
  private static final Instant SINCE = Instant.parse("2001-03-01T12:00:00Z");
  private static final String DIGEST = "admin-digest-service";

  @Test
  void countsTicketsThatExistAndThoseCreatedFromSinceOn() {
    Counts before = counts(SINCE.toString());
    store(SINCE.minus(Duration.ofDays(30)));
    store(SINCE.minusNanos(1_000));
    store(SINCE);
    store(SINCE.plusNanos(1_000));
    store(SINCE.plus(Duration.ofDays(6)));
    TestUser owner = user("counted");
    String deleted = open(owner, "Gone before counting").get("id").asString();
    send(HttpMethod.DELETE, "/api/tickets/" + deleted, owner, null).expectStatus().isNoContent();

    Counts after = counts(SINCE.toString());

    assertThat(after.total() - before.total()).isEqualTo(5);
    assertThat(after.createdSince() - before.createdSince()).isEqualTo(3);
    assertThat(after.createdSince()).isLessThanOrEqualTo(after.total());
  }

  @Test
  void answersTheFiguresWithTheInstantAskedAboutInUtc() {
    store(SINCE.plusSeconds(60));

    JsonNode inUtc =
        json(ask(SINCE.toString(), IDENTITY.serviceBearer(DIGEST)).expectStatus().isOk());
    JsonNode withOffset =
        json(
            ask("2001-03-01T13:00:00+01:00", IDENTITY.serviceBearer(DIGEST)).expectStatus().isOk());

    assertThat(inUtc.propertyNames()).containsExactlyInAnyOrder("total", "createdSince", "since");
    assertThat(inUtc.get("since").asString()).isEqualTo("2001-03-01T12:00:00Z");
    assertThat(inUtc.get("createdSince").asLong()).isPositive();
    assertThat(withOffset).isEqualTo(inUtc);
  }

  @Test
  void countsNothingCreatedFromAFutureSinceOn() {
    store(SINCE);
    Instant future = OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).toInstant();

    Counts counts = counts(future.toString());

    assertThat(counts.createdSince()).isZero();
    assertThat(counts.total()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2026-01-01", "2026-13-01T00:00:00Z", "1767225600"})
  void refusesASinceThatIsNoInstantWith400NamingIt(String since) {
    JsonNode problem = expectProblem(ask(since, IDENTITY.serviceBearer(DIGEST)), 400);

    assertThat(fieldsOf(problem)).containsExactly("since");
  }

  @Test
  void refusesAMissingSinceWith400NamingIt() {
    JsonNode problem = expectProblem(ask(null, IDENTITY.serviceBearer(DIGEST)), 400);

    // Named "since", not "id": the count route is not taken for /internal/tickets/{id}.
    assertThat(fieldsOf(problem)).containsExactly("since");
  }

  @Test
  void letsAServiceOrAnAdminCountAndNobodyElse() {
    TestUser user = user("curious");
    TestUser admin = IDENTITY.admin("admin" + UUID.randomUUID().toString().substring(0, 6));

    expectProblem(ask(SINCE.toString(), null), 401);
    expectProblem(ask(SINCE.toString(), user.bearer()), 403);
    ask(SINCE.toString(), admin.bearer()).expectStatus().isOk();
    // Who asks is decided before what is asked.
    expectProblem(ask("yesterday", user.bearer()), 403);
    expectProblem(ask(null, null), 401);
    ask(SINCE.toString(), IDENTITY.serviceBearer("comment-service")).expectStatus().isOk();
  }

  private record Counts(long total, long createdSince) {}

  private Counts counts(String since) {
    JsonNode answer = json(ask(since, IDENTITY.serviceBearer(DIGEST)).expectStatus().isOk());
    return new Counts(answer.get("total").asLong(), answer.get("createdSince").asLong());
  }

  /** {@code since} travels as a URI variable, so that an offset's {@code +} arrives encoded. */
  private WebTestClient.ResponseSpec ask(@Nullable String since, @Nullable String bearer) {
    return client
        .get()
        .uri(
            uri ->
                since == null
                    ? uri.path("/internal/tickets/count").build()
                    : uri.path("/internal/tickets/count")
                        .queryParam("since", "{since}")
                        .build(since))
        .headers(
            headers -> {
              if (bearer != null) {
                headers.set(HttpHeaders.AUTHORIZATION, bearer);
              }
            })
        .exchange();
  }

  /** A ticket created at {@code createdAt}, stored as the service stores one. */
  private void store(Instant createdAt) {
    jdbc.sql(
            """
            INSERT INTO tickets (id, title, content, status, deadline, bounty, priority, owner_id,
                                 assignee_id, created_at, updated_at, version)
            VALUES (?, 'Counted', 'Seeded for the count.', 'OPEN', ?, 5000, 'LOW', ?, NULL, ?, ?, 1)
            """)
        .params(
            UUID.randomUUID(),
            LocalDate.of(2001, 12, 24),
            UUID.randomUUID(),
            OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC),
            OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
        .update();
  }
}
