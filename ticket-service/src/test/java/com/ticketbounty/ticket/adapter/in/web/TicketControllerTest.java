package com.ticketbounty.ticket.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.ticket.application.InMemoryTickets;
import com.ticketbounty.ticket.application.InMemoryUnitOfWork;
import com.ticketbounty.ticket.application.OpenTicket;
import com.ticketbounty.ticket.application.RecordingTicketEvents;
import com.ticketbounty.ticket.application.ShowTicket;
import com.ticketbounty.ticket.config.StrictJsonConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP contract of API.md, over the real use cases with in-memory ports. */
@WebFluxTest(TicketController.class)
@Import({TicketControllerTest.Wiring.class, StrictJsonConfiguration.class})
class TicketControllerTest {
  static final String OWNER = "3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1f";
  static final String VALID =
      """
      {"title":"Fix the login page","content":"The sign-in button does nothing on Safari.",
       "deadline":"2026-12-24","bounty":5000,"priority":"urgent",
       "ownerId":"%s","ownerEmail":"ada@example.com"}"""
          .formatted(OWNER);

  @TestConfiguration
  static class Wiring {
    @Bean
    InMemoryTickets tickets() {
      return new InMemoryTickets();
    }

    @Bean
    OpenTicket openTicket(InMemoryTickets tickets) {
      return new OpenTicket(
          tickets,
          new RecordingTicketEvents(),
          new InMemoryUnitOfWork(),
          Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    }

    @Bean
    ShowTicket showTicket(InMemoryTickets tickets) {
      return new ShowTicket(tickets);
    }
  }

  @Autowired WebTestClient client;

  private WebTestClient.ResponseSpec post(String body) {
    return client
        .post()
        .uri("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  @Test
  void opensTicketWith201LocationAndTheTicket() {
    WebTestClient.BodyContentSpec body =
        post(VALID)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .contentType(MediaType.APPLICATION_JSON)
            .expectBody();
    String json = new String(body.returnResult().getResponseBody(), StandardCharsets.UTF_8);
    Object id = parse(json).get("id");

    assertThat(UUID.fromString(String.valueOf(id))).isNotNull();
    body.jsonPath("$.id")
        .isEqualTo(id)
        .jsonPath("$.title")
        .isEqualTo("Fix the login page")
        .jsonPath("$.content")
        .isEqualTo("The sign-in button does nothing on Safari.")
        .jsonPath("$.status")
        .isEqualTo("OPEN")
        .jsonPath("$.deadline")
        .isEqualTo("2026-12-24")
        .jsonPath("$.bounty")
        .isEqualTo(5000)
        .jsonPath("$.priority")
        .isEqualTo("urgent")
        .jsonPath("$.owner.id")
        .isEqualTo(OWNER)
        .jsonPath("$.owner.username")
        .isEmpty()
        .jsonPath("$.assignee")
        .isEmpty()
        .jsonPath("$.createdAt")
        .isEqualTo("2026-11-27T10:00:00Z")
        .jsonPath("$.updatedAt")
        .isEqualTo("2026-11-27T10:00:00Z");
    assertThat(json).contains("\"assignee\":null", "\"username\":null");
    assertThat(keysOf(json))
        .containsExactly(
            "id",
            "title",
            "content",
            "status",
            "deadline",
            "bounty",
            "priority",
            "owner",
            "assignee",
            "createdAt",
            "updatedAt");

    post(VALID).expectHeader().valueMatches("Location", "/api/tickets/[0-9a-f-]{36}");
  }

  @Test
  void readsBackTheTicketItOpened() {
    String created =
        new String(
            post(VALID).expectStatus().isCreated().expectBody().returnResult().getResponseBody(),
            StandardCharsets.UTF_8);
    Object id = parse(created).get("id");

    client
        .get()
        .uri("/api/tickets/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo(created);
  }

  @Test
  void defaultsToMediumPriority() {
    post(VALID.replace("\"priority\":\"urgent\",", ""))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.priority")
        .isEqualTo("medium");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\":",
        "not json",
        "[]",
        "{\"bounty\":\"lots\"}",
        "{\"bounty\":\"5000\"}",
        "{\"bounty\":500.5}",
        "{\"bounty\":99999999999999999999999}",
        "{\"title\":[\"a\"]}",
        "{\"title\":123}",
        "{\"ownerEmail\":true}",
        "{\"priority\":\"asap\"}",
        "{\"priority\":\"URGENT\"}",
        "{\"ownerId\":\"not-a-uuid\"}"
      })
  void answersUnreadableBodyWith400Problem(String body) {
    expectProblem(post(body), 400, "Bad Request");
  }

  @Test
  void namesTheUnreadableFieldWithoutParserInternals() {
    expectProblem(post("{\"title\":\"t\",\"bounty\":\"lots\"}"), 400, "Bad Request")
        .jsonPath("$.detail")
        .isEqualTo("'bounty' has the wrong type or an unknown value.")
        .jsonPath("$.errors[0].field")
        .isEqualTo("bounty");
    expectProblem(post("{\"priority\":\"asap\"}"), 400, "Bad Request")
        .jsonPath("$.errors[0].field")
        .isEqualTo("priority");
  }

  @Test
  void saysWhenTheBodyIsNoJson() {
    expectProblem(post("{\"title\":"), 400, "Bad Request")
        .jsonPath("$.detail")
        .isEqualTo("The body is not valid JSON.");
  }

  @Test
  void answersBodyThatIsNoJsonMediaTypeWith415Problem() {
    expectProblem(
        client
            .post()
            .uri("/api/tickets")
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("title=x")
            .exchange(),
        415,
        "Unsupported Media Type");
  }

  @Test
  void answersMissingBodyWith400Problem() {
    expectProblem(
        client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).exchange(),
        400,
        "Bad Request");
  }

  @Test
  void answersBrokenRulesWith422NamingEachField() {
    String broken =
        VALID
            .replace("Fix the login page", "t".repeat(192))
            .replace("2026-12-24", "2026-02-30")
            .replace("5000", "499")
            .replace("ada@example.com", "ada");

    expectProblem(post(broken), 422, "Unprocessable Content")
        .jsonPath("$.errors.length()")
        .isEqualTo(4)
        .jsonPath("$.errors[0].field")
        .isEqualTo("title")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be at most 191 characters")
        .jsonPath("$.errors[1].field")
        .isEqualTo("deadline")
        .jsonPath("$.errors[2].field")
        .isEqualTo("bounty")
        .jsonPath("$.errors[2].message")
        .isEqualTo("must be at least 500 cents")
        .jsonPath("$.errors[3].field")
        .isEqualTo("ownerEmail");
  }

  @Test
  void answersEmptyObjectWith422ListingRequiredFields() {
    expectProblem(post("{}"), 422, "Unprocessable Content")
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("title", "content", "deadline", "bounty", "ownerId", "ownerEmail"));
  }

  @Test
  void answersUnknownTicketWith404Problem() {
    UUID unknown = UUID.randomUUID();
    expectProblem(client.get().uri("/api/tickets/{id}", unknown).exchange(), 404, "Not Found")
        .jsonPath("$.detail")
        .isEqualTo("There is no ticket " + unknown + ".");
  }

  @Test
  void answersIdThatIsNoUuidWith400Problem() {
    expectProblem(client.get().uri("/api/tickets/not-a-uuid").exchange(), 400, "Bad Request")
        .jsonPath("$.errors[0].field")
        .isEqualTo("id")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be a UUID");
  }

  private static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status, String title) {
    WebTestClient.BodyContentSpec body =
        response
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status)
            .jsonPath("$.title")
            .isEqualTo(title)
            .jsonPath("$.detail")
            .isNotEmpty();
    String json = new String(body.returnResult().getResponseBody(), StandardCharsets.UTF_8);
    assertThat(json)
        .doesNotContain("Exception", "\tat ", "trace", "tools.jackson", "com.ticketbounty");
    return body;
  }

  private static List<String> keysOf(String json) {
    return List.copyOf(parse(json).keySet());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    return JsonMapper.shared().readValue(json, Map.class);
  }
}
