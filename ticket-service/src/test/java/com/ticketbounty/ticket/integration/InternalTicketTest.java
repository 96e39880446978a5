package com.ticketbounty.ticket.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /internal/tickets/{id}}: another service (comment-service's lookup) learns a ticket's
 * owner with its service token; a user's token or none is refused, whatever the ticket.
 */
class InternalTicketTest extends TicketServiceTest {

  @Test
  void tellsAServiceWhoseTicketItIs() {
    TestUser owner = user("owner");
    String id = open(owner, "Lookup").get("id").asString();

    JsonNode facts = json(ask(id, IDENTITY.serviceBearer("comment-service")).expectStatus().isOk());

    assertThat(facts.get("id").asString()).isEqualTo(id);
    assertThat(facts.get("ownerId").asString()).isEqualTo(owner.id().toString());
    assertThat(facts.get("version").asLong()).isEqualTo(1);
    assertThat(facts.propertyNames()).containsExactlyInAnyOrder("id", "ownerId", "version");
  }

  @Test
  void refusesUsersAndAnonymousCallers() {
    TestUser owner = user("owner");
    String id = open(owner, "Private facts").get("id").asString();

    expectProblem(ask(id, owner.bearer()), 403);
    expectProblem(ask(id, null), 401);
  }

  @Test
  void answersAnUnknownTicketWith404() {
    expectProblem(
        ask(UUID.randomUUID().toString(), IDENTITY.serviceBearer("comment-service")), 404);
  }

  private WebTestClient.ResponseSpec ask(String id, String bearer) {
    return client
        .get()
        .uri("/internal/tickets/{id}", id)
        .headers(
            headers -> {
              if (bearer != null) {
                headers.set(HttpHeaders.AUTHORIZATION, bearer);
              }
            })
        .exchange();
  }
}
