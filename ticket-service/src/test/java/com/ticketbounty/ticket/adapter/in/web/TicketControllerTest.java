package com.ticketbounty.ticket.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import com.ticketbounty.ticket.integration.TicketServiceTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP contract of API.md's ticket rows, on the running service: each row's answer and its
 * documented failures — 400 unreadable, 404 unknown, 415, 422 naming every broken field.
 */
class TicketControllerTest extends TicketServiceTest {
  private final TestUser ada = user("ada");

  private WebTestClient.ResponseSpec post(String body) {
    return send(HttpMethod.POST, "/api/tickets", ada, body);
  }

  private WebTestClient.ResponseSpec patch(JsonNode ticket, String body) {
    return send(HttpMethod.PATCH, "/api/tickets/" + id(ticket), ada, body);
  }

  private static String id(JsonNode ticket) {
    return ticket.get("id").asString();
  }

  @Test
  void opensTicketOfTheCallerWith201LocationAndTheTicket() {
    WebTestClient.ResponseSpec response = post(ticketJson("Fix the login page"));

    response
        .expectStatus()
        .isCreated()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectHeader()
        .valueMatches("Location", "/api/tickets/[0-9a-f-]{36}");
    JsonNode ticket = json(response);
    assertThat(UUID.fromString(id(ticket))).isNotNull();
    assertThat(ticket.propertyNames())
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
    assertThat(ticket.get("title").asString()).isEqualTo("Fix the login page");
    assertThat(ticket.get("content").asString())
        .isEqualTo("The sign-in button does nothing on Safari.");
    assertThat(ticket.get("status").asString()).isEqualTo("OPEN");
    assertThat(ticket.get("deadline").asString()).isEqualTo("2026-12-24");
    assertThat(ticket.get("bounty").asLong()).isEqualTo(5000);
    assertThat(ticket.get("priority").asString()).isEqualTo("urgent");
    assertThat(ticket.get("owner").get("id").asString()).isEqualTo(ada.id().toString());
    assertThat(ticket.get("owner").get("username").asString()).isEqualTo(ada.username());
    assertThat(ticket.get("assignee").isNull()).isTrue();
    assertThat(ticket.get("updatedAt")).isEqualTo(ticket.get("createdAt"));
  }

  @Test
  void readsBackTheTicketItOpenedWithoutSignIn() {
    JsonNode created = open(ada, "Read back");

    JsonNode read =
        json(send(HttpMethod.GET, "/api/tickets/" + id(created), null, null).expectStatus().isOk());

    assertThat(read).isEqualTo(created);
  }

  @Test
  void defaultsToMediumPriority() {
    JsonNode ticket =
        json(
            post(ticketJson("No priority").replace(",\"priority\":\"urgent\"", ""))
                .expectStatus()
                .isCreated());

    assertThat(ticket.get("priority").asString()).isEqualTo("medium");
  }

  @Test
  void takesTheOwnerFromTheTokenAndIgnoresOwnerFieldsInTheBody() {
    String body =
        ticketJson("Not Bob's")
            .replace(
                "\"priority\"",
                "\"ownerId\":\""
                    + UUID.randomUUID()
                    + "\",\"ownerEmail\":\"bob@example.com\",\"priority\"");

    JsonNode ticket = json(post(body).expectStatus().isCreated());

    assertThat(ticket.get("owner").get("id").asString()).isEqualTo(ada.id().toString());
  }

  @Test
  void changesTheGivenDetailsOnly() {
    JsonNode ticket = open(ada, "Before");

    JsonNode changed =
        json(
            patch(ticket, "{\"title\":\"After\",\"bounty\":7500,\"deadline\":\"2027-01-31\"}")
                .expectStatus()
                .isOk());

    assertThat(changed.get("title").asString()).isEqualTo("After");
    assertThat(changed.get("bounty").asLong()).isEqualTo(7500);
    assertThat(changed.get("deadline").asString()).isEqualTo("2027-01-31");
    assertThat(changed.get("content")).isEqualTo(ticket.get("content"));
    assertThat(changed.get("priority").asString()).isEqualTo("urgent");
    assertThat(changed.get("createdAt")).isEqualTo(ticket.get("createdAt"));
    assertThat(Instant.parse(changed.get("updatedAt").asString()))
        .isAfter(Instant.parse(ticket.get("updatedAt").asString()));
    assertThat(json(send(HttpMethod.GET, "/api/tickets/" + id(ticket), null, null)))
        .isEqualTo(changed);
  }

  @Test
  void changesStatus() {
    JsonNode ticket = open(ada, "Status");

    JsonNode changed =
        json(
            send(
                    HttpMethod.PUT,
                    "/api/tickets/" + id(ticket) + "/status",
                    ada,
                    "{\"status\":\"DONE\"}")
                .expectStatus()
                .isOk());

    assertThat(changed.get("status").asString()).isEqualTo("DONE");
  }

  @Test
  void assignsAKnownAccountAndUnassigns() {
    TestUser bob = knownUser("bob");
    JsonNode ticket = open(ada, "Assign");
    String uri = "/api/tickets/" + id(ticket) + "/assignee";

    JsonNode assigned =
        json(
            send(HttpMethod.PUT, uri, ada, "{\"userId\":\"" + bob.id() + "\"}")
                .expectStatus()
                .isOk());
    JsonNode unassigned =
        json(send(HttpMethod.PUT, uri, ada, "{\"userId\":null}").expectStatus().isOk());

    assertThat(assigned.get("assignee").get("id").asString()).isEqualTo(bob.id().toString());
    assertThat(assigned.get("assignee").get("username").asString()).isEqualTo(bob.username());
    assertThat(unassigned.get("assignee").isNull()).isTrue();
  }

  @Test
  void deletesWith204AndForgetsTheTicket() {
    JsonNode ticket = open(ada, "Delete me");
    String uri = "/api/tickets/" + id(ticket);

    send(HttpMethod.DELETE, uri, ada, null).expectStatus().isNoContent().expectBody().isEmpty();

    expectProblem(send(HttpMethod.GET, uri, null, null), 404);
    expectProblem(send(HttpMethod.DELETE, uri, ada, null), 404);
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        Arguments.of("\"title\":\"\"", "title", "must not be blank"),
        Arguments.of(
            "\"title\":\"" + "t".repeat(192) + "\"", "title", "must be at most 191 characters"),
        Arguments.of("\"content\":\"  \"", "content", "must not be blank"),
        Arguments.of(
            "\"content\":\"" + "c".repeat(1025) + "\"",
            "content",
            "must be at most 1024 characters"),
        Arguments.of(
            "\"deadline\":\"2026-02-30\"",
            "deadline",
            "must be a real calendar date as YYYY-MM-DD"),
        Arguments.of(
            "\"deadline\":\"24.12.2026\"",
            "deadline",
            "must be a real calendar date as YYYY-MM-DD"),
        Arguments.of("\"bounty\":499", "bounty", "must be at least 500 cents"),
        Arguments.of("\"bounty\":-1", "bounty", "must be at least 500 cents"));
  }

  @ParameterizedTest
  @MethodSource("brokenRules")
  void answersEachBrokenRuleWith422NamingTheField(String value, String field, String message) {
    String key = value.substring(0, value.indexOf(':'));
    String body = ticketJson("Rules").replaceFirst(key + ":[^,}]+", value);
    JsonNode ticket = open(ada, "Rules");

    for (WebTestClient.ResponseSpec response :
        List.of(post(body), patch(ticket, "{" + value + "}"))) {
      JsonNode problem = expectProblem(response, 422);
      assertThat(problem.get("errors")).hasSize(1);
      assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
      assertThat(problem.at("/errors/0/message").asString()).isEqualTo(message);
    }
  }

  @Test
  void answersEmptyObjectWith422ListingEveryRequiredField() {
    assertThat(fieldsOf(expectProblem(post("{}"), 422)))
        .containsExactly("title", "content", "deadline", "bounty");
  }

  @Test
  void answersEveryBrokenFieldAtOnce() {
    String broken =
        ticketJson("t".repeat(192)).replace("2026-12-24", "2026-02-30").replace("5000", "499");

    assertThat(fieldsOf(expectProblem(post(broken), 422)))
        .containsExactly("title", "deadline", "bounty");
  }

  @Test
  void answersEmptyPatchAndRequiredFieldsSentAsNullWith422() {
    JsonNode ticket = open(ada, "Patch rules");

    assertThat(fieldsOf(expectProblem(patch(ticket, "{}"), 422))).containsExactly("body");
    assertThat(
            fieldsOf(
                expectProblem(
                    patch(ticket, "{\"title\":null,\"bounty\":null,\"priority\":null}"), 422)))
        .containsExactly("title", "bounty", "priority");
  }

  @Test
  void answersMissingStatusAndUnknownOrMissingAssigneeWith422() {
    JsonNode ticket = open(ada, "Put rules");
    String uri = "/api/tickets/" + id(ticket);

    assertThat(fieldsOf(expectProblem(send(HttpMethod.PUT, uri + "/status", ada, "{}"), 422)))
        .containsExactly("status");
    JsonNode unknown =
        expectProblem(
            send(
                HttpMethod.PUT,
                uri + "/assignee",
                ada,
                "{\"userId\":\"" + UUID.randomUUID() + "\"}"),
            422);
    assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("userId");
    assertThat(unknown.at("/errors/0/message").asString()).isEqualTo("is not a known account");
    assertThat(fieldsOf(expectProblem(send(HttpMethod.PUT, uri + "/assignee", ada, "{}"), 422)))
        .containsExactly("userId");
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
        "{\"content\":true}",
        "{\"deadline\":20261224}",
        "{\"priority\":\"asap\"}",
        "{\"priority\":\"URGENT\"}"
      })
  void answersUnreadableBodyWith400(String body) {
    JsonNode ticket = open(ada, "Unreadable");

    expectProblem(post(body), 400);
    expectProblem(patch(ticket, body), 400);
  }

  @Test
  void namesTheUnreadableFieldWithoutParserInternals() {
    JsonNode ticket = open(ada, "Unreadable fields");
    String uri = "/api/tickets/" + id(ticket);

    JsonNode bounty = expectProblem(post("{\"title\":\"t\",\"bounty\":\"lots\"}"), 400);
    assertThat(bounty.get("detail").asString())
        .isEqualTo("'bounty' has the wrong type or an unknown value.");
    assertThat(fieldsOf(bounty)).containsExactly("bounty");
    assertThat(fieldsOf(expectProblem(patch(ticket, "{\"priority\":\"asap\"}"), 400)))
        .containsExactly("priority");
    assertThat(
            fieldsOf(
                expectProblem(
                    send(HttpMethod.PUT, uri + "/status", ada, "{\"status\":\"CLOSED\"}"), 400)))
        .containsExactly("status");
    assertThat(
            fieldsOf(
                expectProblem(
                    send(HttpMethod.PUT, uri + "/assignee", ada, "{\"userId\":\"nobody\"}"), 400)))
        .containsExactly("userId");
  }

  @Test
  void saysWhenTheBodyIsNoJson() {
    assertThat(expectProblem(post("{\"title\":"), 400).get("detail").asString())
        .isEqualTo("The body is not valid JSON.");
  }

  @Test
  void answersMissingBodyWith400AndOtherMediaTypesWith415() {
    expectProblem(
        client
            .post()
            .uri("/api/tickets")
            .header("Authorization", ada.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .exchange(),
        400);
    expectProblem(
        client
            .post()
            .uri("/api/tickets")
            .header("Authorization", ada.bearer())
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("title=x")
            .exchange(),
        415);
  }

  @Test
  void answersUnknownTicketWith404OnEveryRow() {
    String uri = "/api/tickets/" + UUID.randomUUID();

    assertThat(expectProblem(send(HttpMethod.GET, uri, null, null), 404).get("detail").asString())
        .startsWith("There is no ticket ");
    expectProblem(send(HttpMethod.PATCH, uri, ada, "{\"title\":\"x\"}"), 404);
    expectProblem(send(HttpMethod.PUT, uri + "/status", ada, "{\"status\":\"DONE\"}"), 404);
    expectProblem(send(HttpMethod.PUT, uri + "/assignee", ada, "{\"userId\":null}"), 404);
    expectProblem(send(HttpMethod.DELETE, uri, ada, null), 404);
  }

  @Test
  void answersIdThatIsNoUuidWith400NamingIt() {
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PATCH, HttpMethod.DELETE)) {
      JsonNode problem =
          expectProblem(
              send(
                  method,
                  "/api/tickets/not-a-uuid",
                  ada,
                  method == HttpMethod.PATCH ? "{\"title\":\"x\"}" : null),
              400);
      assertThat(problem.at("/errors/0/field").asString()).isEqualTo("id");
      assertThat(problem.at("/errors/0/message").asString()).isEqualTo("must be a UUID");
    }
    expectProblem(send(HttpMethod.PUT, "/api/tickets/1/status", ada, "{\"status\":\"DONE\"}"), 400);
    expectProblem(send(HttpMethod.PUT, "/api/tickets/1/assignee", ada, "{\"userId\":null}"), 400);
  }
}
