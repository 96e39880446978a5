package com.ticketbounty.comment.integration;

import static com.ticketbounty.comment.integration.Problems.expectForbidden;
import static com.ticketbounty.comment.integration.Problems.expectProblem;
import static com.ticketbounty.comment.integration.Problems.expectUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.json.JsonCompareMode;
import tools.jackson.databind.JsonNode;

/**
 * Every row of API.md's comment table against the running service: its success, and who may not —
 * anonymous 401, another user 403, an unknown comment or ticket 404.
 */
@ExtendWith(CommentServiceExtension.class)
class CommentApiTest {
  private final CommentApi api;
  private final TestUser owner;
  private final TestUser ada;
  private final TestUser bob;

  CommentApiTest(RunningCommentService service) {
    this.api = new CommentApi(service);
    this.owner = service.identity().user("owner");
    this.ada = service.identity().user("ada");
    this.bob = service.identity().user("bob");
  }

  @Test
  void postsACommentAsTheSignedInUser() throws Exception {
    UUID ticket = api.ticketOf(owner);

    JsonNode comment = api.posted(ticket, ada, "Reproduced on Firefox too.");

    assertThat(UUID.fromString(comment.get("id").asString())).isNotNull();
    assertThat(comment.get("ticketId").asString()).isEqualTo(ticket.toString());
    assertThat(comment.get("author").get("id").asString()).isEqualTo(ada.id().toString());
    assertThat(comment.get("author").get("username").asString()).isEqualTo("ada");
    assertThat(comment.get("content").asString()).isEqualTo("Reproduced on Firefox too.");
    assertThat(Instant.parse(comment.get("createdAt").asString()))
        .isEqualTo(Instant.parse(comment.get("updatedAt").asString()));
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
  }

  @Test
  void listsWhatWasPostedExactlyAsItWasAnswered() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String posted = api.posted(ticket, ada, "Exactly this.").toString();

    api.list(ticket, "")
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            "{\"list\":[" + posted + "],\"metadata\":{\"hasNextPage\":false}}",
            JsonCompareMode.LENIENT)
        .jsonPath("$.list.length()")
        .isEqualTo(1);
  }

  @Test
  void listingIsPublicAndAnUnknownTicketHasNoComments() {
    api.list(UUID.randomUUID(), "")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.list")
        .isEmpty()
        .jsonPath("$.metadata.hasNextPage")
        .isEqualTo(false)
        .jsonPath("$.metadata.cursor")
        .doesNotExist();
  }

  @Test
  void authorEditsTheirComment() throws Exception {
    UUID ticket = api.ticketOf(owner);
    JsonNode comment = api.posted(ticket, ada, "Frist");
    String id = comment.get("id").asString();

    JsonNode edited =
        api.edit(id, ada, CommentApi.json("First"))
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(edited.get("content").asString()).isEqualTo("First");
    assertThat(edited.get("author").get("username").asString()).isEqualTo("ada");
    assertThat(edited.get("createdAt").asString()).isEqualTo(comment.get("createdAt").asString());
    assertThat(Instant.parse(edited.get("updatedAt").asString()))
        .isAfter(Instant.parse(comment.get("updatedAt").asString()));
    assertThat(api.page(ticket, "").get("list").get(0).get("content").asString())
        .isEqualTo("First");
  }

  @Test
  void authorDeletesTheirComment() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Oops").get("id").asString();

    api.delete(id, ada).expectStatus().isNoContent().expectBody().isEmpty();

    assertThat(api.commentsInDatabase(ticket)).isZero();
    api.delete(id, ada).expectStatus().isNotFound();
  }

  @Test
  void anonymousCallersAreRefusedEveryChange() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Mine").get("id").asString();

    expectUnauthorized(api.post(ticket, null, CommentApi.json("Anonymous")));
    expectUnauthorized(api.edit(id, null, CommentApi.json("Anonymous")));
    expectUnauthorized(api.delete(id, null));
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(1);
  }

  @Test
  void anotherUserMayNeitherEditNorDeleteAComment() throws Exception {
    UUID ticket = api.ticketOf(owner);
    String id = api.posted(ticket, ada, "Mine").get("id").asString();

    expectForbidden(api.edit(id, bob, CommentApi.json("Bob's now")));
    expectForbidden(api.delete(id, bob));
    // Not even the ticket's owner: only a comment's author changes it.
    expectForbidden(api.delete(id, owner));
    assertThat(api.page(ticket, "").get("list").get(0).get("content").asString()).isEqualTo("Mine");
  }

  @Test
  void changingAnUnknownCommentIsNotFound() {
    String unknown = UUID.randomUUID().toString();

    expectProblem(api.edit(unknown, ada, CommentApi.json("Hello")), 404);
    expectProblem(api.delete(unknown, ada), 404);
  }

  @Test
  void postingToATicketNobodyKnowsIsNotFound() {
    // WireMock answers 404 to anything it was not told about: ticket-service has no such ticket.
    UUID ticket = UUID.randomUUID();

    expectProblem(api.post(ticket, ada, CommentApi.json("Hello?")), 404)
        .jsonPath("$.detail")
        .isEqualTo("There is no ticket " + ticket + ".");
    assertThat(api.commentsInDatabase(ticket)).isZero();
  }
}
