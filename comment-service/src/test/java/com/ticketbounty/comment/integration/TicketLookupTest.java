package com.ticketbounty.comment.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.ticketbounty.comment.integration.Problems.expectProblem;
import static com.ticketbounty.testsupport.EventTap.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.testsupport.EventTap;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Posting right after a ticket was created works: a ticket the read model has not heard of is
 * looked up at ticket-service (WireMock here) and remembered. When ticket-service cannot answer —
 * errors, silence, a dropped connection, or a breaker opened by too many of them — the answer is
 * 503, never a 500, and nothing is stored.
 */
@ExtendWith(CommentServiceExtension.class)
class TicketLookupTest {
  private static final int ATTEMPTS = 3;

  private final RunningCommentService service;
  private final CommentApi api;
  private final WireMockServer ticketService;
  private final CircuitBreaker breaker;
  private final TestUser owner;
  private final TestUser ada;

  TicketLookupTest(RunningCommentService service) {
    this.service = service;
    this.api = new CommentApi(service);
    this.ticketService = service.ticketService();
    this.breaker = service.ticketServiceBreaker();
    this.owner = service.identity().user("owner");
    this.ada = service.identity().user("ada");
  }

  /**
   * ticket-service answers {@code GET /internal/tickets/{ticket}} with the ticket of {@code owner},
   * to comment-service's service token only.
   */
  static void ticketServiceHas(RunningCommentService service, UUID ticket, TestUser owner) {
    service
        .ticketService()
        .stubFor(
            get(path(ticket))
                .withHeader("Authorization", equalTo(service.serviceBearer()))
                .willReturn(
                    okJson(
                        "{\"id\":\"%s\",\"ownerId\":\"%s\",\"version\":1}"
                            .formatted(ticket, owner.id()))));
  }

  @BeforeEach
  @AfterEach
  void closeTheBreaker() {
    // One breaker serves the whole service: no test may leave it open for the next.
    breaker.reset();
  }

  @Test
  void postsToATicketKnownOnlyToTicketServiceAndRemembersIt() throws Exception {
    UUID ticket = UUID.randomUUID();
    ticketServiceHas(service, ticket, owner);
    try (EventTap posted = service.tap(CommentPosted.NAME)) {
      String comment = api.posted(ticket, ada, "Right after creation").get("id").asString();
      api.posted(ticket, ada, "And once more");

      ticketService.verify(
          1,
          getRequestedFor(urlEqualTo(path(ticket)))
              .withHeader("Authorization", equalTo(service.serviceBearer())));
      assertThat(api.knownVersion(ticket)).isZero();
      JsonNode data = posted.awaitOne(CommentPosted.NAME, field("commentId", comment)).data();
      assertThat(data.get("ticketOwnerId").asString()).isEqualTo(owner.id().toString());
    }
  }

  @Test
  void theTicketsEventLaterOverridesWhatTicketServiceSaid() throws Exception {
    UUID ticket = UUID.randomUUID();
    ticketServiceHas(service, ticket, owner);
    api.posted(ticket, ada, "Early bird");

    service.events().publish(new TicketDeleted(ticket, owner.id(), 1), owner.id());

    await().atMost(RunningCommentService.PATIENCE).until(() -> api.commentsInDatabase(ticket) == 0);
    expectProblem(api.post(ticket, ada, CommentApi.json("Late")), 404);
  }

  @Test
  void aTicketTicketServiceDoesNotHaveIsNotFound() {
    UUID ticket = UUID.randomUUID();
    ticketService.stubFor(get(path(ticket)).willReturn(aResponse().withStatus(404)));

    expectProblem(api.post(ticket, ada, CommentApi.json("Hello?")), 404);

    ticketService.verify(1, getRequestedFor(urlEqualTo(path(ticket))));
    assertThat(api.knownVersion(ticket)).isNull();
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void retriesAServerErrorAndThenPosts() {
    UUID ticket = UUID.randomUUID();
    ticketService.stubFor(
        get(path(ticket))
            .inScenario(ticket.toString())
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    ticketService.stubFor(
        get(path(ticket))
            .inScenario(ticket.toString())
            .whenScenarioStateIs("recovered")
            .willReturn(
                okJson("{\"id\":\"%s\",\"ownerId\":\"%s\"}".formatted(ticket, owner.id()))));

    api.posted(ticket, ada, "Second time lucky");

    // Two at least: the 503, then the answer. A loaded machine can make the answer miss the test's
    // short timeout (500 ms) once, which is one more retry, not a different behaviour.
    ticketService.verify(moreThanOrExactly(2), getRequestedFor(urlEqualTo(path(ticket))));
  }

  @Test
  void ticketServiceFailingIsServiceUnavailable() {
    UUID ticket = UUID.randomUUID();
    ticketService.stubFor(get(path(ticket)).willReturn(aResponse().withStatus(500)));

    expectUnavailable(api.post(ticket, ada, CommentApi.json("Anyone there?")));

    ticketService.verify(ATTEMPTS, getRequestedFor(urlEqualTo(path(ticket))));
    assertThat(api.knownVersion(ticket)).isNull();
    assertThat(api.commentsInDatabase(ticket)).isZero();
  }

  @Test
  void ticketServiceTooSlowIsServiceUnavailable() {
    UUID ticket = UUID.randomUUID();
    ticketService.stubFor(
        get(path(ticket))
            .willReturn(
                okJson("{\"id\":\"%s\",\"owner\":{\"id\":\"%s\"}}".formatted(ticket, owner.id()))
                    .withFixedDelay(2_000)));

    expectUnavailable(api.post(ticket, ada, CommentApi.json("Hurry up")));
    assertThat(api.commentsInDatabase(ticket)).isZero();
  }

  @Test
  void aDroppedConnectionIsServiceUnavailable() {
    UUID ticket = UUID.randomUUID();
    ticketService.stubFor(
        get(path(ticket)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    expectUnavailable(api.post(ticket, ada, CommentApi.json("Hello?")));
    ticketService.verify(ATTEMPTS, getRequestedFor(urlEqualTo(path(ticket))));
  }

  @Test
  void anOpenBreakerAnswersAtOnceWithoutCallingTicketService() throws Exception {
    UUID failing = UUID.randomUUID();
    ticketService.stubFor(get(path(failing)).willReturn(aResponse().withStatus(500)));
    for (int i = 0; i < 10 && breaker.getState() == CircuitBreaker.State.CLOSED; i++) {
      expectUnavailable(api.post(failing, ada, CommentApi.json("Failing")));
    }
    UUID healthy = UUID.randomUUID();
    ticketServiceHas(service, healthy, owner);

    expectUnavailable(api.post(healthy, ada, CommentApi.json("Refused at once")));

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    ticketService.verify(0, getRequestedFor(urlEqualTo(path(healthy))));
    // A ticket the read model knows is still commented on: only lookups need ticket-service.
    api.posted(api.ticketOf(owner), ada, "Unaffected");
  }

  private static void expectUnavailable(WebTestClient.ResponseSpec response) {
    expectProblem(response, 503)
        .jsonPath("$.detail")
        .isEqualTo("Tickets cannot be checked right now; try again shortly.");
  }

  private static String path(UUID ticket) {
    return "/internal/tickets/" + ticket;
  }
}
