package com.ticketbounty.ticket.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN.md §7's rules at the service itself (not only at the gateway): every mutating endpoint
 * refuses an anonymous caller (401) and anyone but the owner (403) and changes nothing then;
 * reading stays public; a bad, expired or ended session's token is 401 everywhere.
 */
class TicketAuthorizationTest extends TicketServiceTest {
  private final TestUser ada = user("ada");
  private final TestUser bob = user("bob");

  /** A mutating endpoint of a ticket, with a body that would succeed for its owner. */
  private record Mutation(HttpMethod method, String path, @Nullable String body) {
    String uri(String ticketId) {
      return "/api/tickets/" + ticketId + path;
    }
  }

  private static final List<Mutation> MUTATIONS =
      List.of(
          new Mutation(HttpMethod.PATCH, "", "{\"title\":\"Taken over\"}"),
          new Mutation(HttpMethod.PUT, "/status", "{\"status\":\"DONE\"}"),
          new Mutation(HttpMethod.PUT, "/assignee", "{\"userId\":null}"),
          new Mutation(HttpMethod.DELETE, "", null));

  @Test
  void refusesAnonymousCallersOfEveryMutatingEndpointWith401() {
    JsonNode ticket = open(ada, "Anonymous");
    String id = ticket.get("id").asString();

    expectUnauthorized(send(HttpMethod.POST, "/api/tickets", null, ticketJson("Nobody's")));
    for (Mutation mutation : MUTATIONS) {
      expectUnauthorized(send(mutation.method(), mutation.uri(id), null, mutation.body()));
    }
    // An anonymous caller is refused before the body is read: even an unreadable one is 401.
    expectUnauthorized(send(HttpMethod.POST, "/api/tickets", null, "{not json"));
    assertThat(unchanged(ticket)).isTrue();
  }

  @Test
  void refusesEveryoneButTheOwnerWith403AndChangesNothing() {
    JsonNode ticket = open(ada, "Ada's only");
    String id = ticket.get("id").asString();

    for (Mutation mutation : MUTATIONS) {
      JsonNode problem =
          expectProblem(send(mutation.method(), mutation.uri(id), bob, mutation.body()), 403);
      assertThat(problem.get("detail").asString()).contains("owner");
    }
    // Rules come after ownership: someone else learns nothing from a 422.
    expectProblem(send(HttpMethod.PATCH, "/api/tickets/" + id, bob, "{}"), 403);
    expectProblem(send(HttpMethod.PUT, "/api/tickets/" + id + "/status", bob, "{}"), 403);
    expectProblem(send(HttpMethod.PUT, "/api/tickets/" + id + "/assignee", bob, "{}"), 403);
    assertThat(unchanged(ticket)).isTrue();
  }

  @Test
  void letsAnyoneReadAndListWithoutSignIn() {
    JsonNode ticket = open(ada, "Public");

    send(HttpMethod.GET, "/api/tickets/" + ticket.get("id").asString(), null, null)
        .expectStatus()
        .isOk();
    send(HttpMethod.GET, "/api/tickets", null, null).expectStatus().isOk();
  }

  @Test
  void refusesExpiredForgedAndMalformedTokensEvenWhereReadingIsPublic() {
    JsonNode ticket = open(ada, "Bad tokens");
    String uri = "/api/tickets/" + ticket.get("id").asString();

    for (String header :
        List.of(
            IDENTITY.expiredBearer(ada),
            IDENTITY.forgedBearer(ada),
            "Bearer not-a-jwt",
            "Basic YWRhOnNlY3JldA==")) {
      expectUnauthorized(
          client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, header).exchange());
      expectUnauthorized(
          client
              .patch()
              .uri(uri)
              .header(HttpHeaders.AUTHORIZATION, header)
              .bodyValue("{\"title\":\"x\"}")
              .exchange());
    }
    assertThat(unchanged(ticket)).isTrue();
  }

  @Test
  void refusesTheTokensOfASessionOnceItsEndHasBeenConsumed() {
    TestUser carol = user("carol");
    TestUser carolElsewhere = IDENTITY.newSession(carol);
    JsonNode ticket = open(carol, "Carol's");
    String uri = "/api/tickets/" + ticket.get("id").asString();

    publish(
        carol.id().toString(),
        new SessionEnded(
            carol.sessionId(),
            carol.id(),
            "sign-out",
            Instant.now(),
            Instant.now().plus(Duration.ofMinutes(15))));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> expectUnauthorized(send(HttpMethod.PATCH, uri, carol, "{\"title\":\"Late\"}")));
    expectUnauthorized(send(HttpMethod.GET, uri, carol, null));
    expectUnauthorized(send(HttpMethod.POST, "/api/tickets", carol, ticketJson("After sign-out")));
    assertThat(unchanged(ticket)).isTrue();
    // Her other session goes on.
    send(HttpMethod.PATCH, uri, carolElsewhere, "{\"title\":\"Still mine\"}").expectStatus().isOk();
  }

  private static void expectUnauthorized(WebTestClient.ResponseSpec response) {
    response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    expectProblem(response, 401);
  }

  /** Whether the ticket reads as it was answered (it exists, same version and values). */
  private boolean unchanged(JsonNode ticket) {
    return json(send(HttpMethod.GET, "/api/tickets/" + ticket.get("id").asString(), null, null)
            .expectStatus()
            .isOk())
        .equals(ticket);
  }
}
