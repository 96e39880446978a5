package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.systemtests.Api.Account;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Every row of API.md's "Comments" table, through the gateway of the run command. */
@ExtendWith(SharedSystem.class)
class CommentApiSystemTest {
  private static Api api;
  private static Account owner;
  private static Account author;

  @BeforeAll
  static void accounts() throws Exception {
    api = SharedSystem.api();
    owner = api.signUp("towner");
    author = api.signUp("author");
  }

  @Test
  void postsACommentRightAfterTheTicketWasCreated() throws Exception {
    String ticket = api.openTicket(owner, "Commented at once");

    Http.Reply posted =
        api.call("POST", "/api/tickets/" + ticket + "/comments")
            .bearer(author.accessToken())
            .json(Map.of("content", "First!"))
            .send();

    assertThat(posted.status()).as("%s", posted).isEqualTo(201);
    JsonNode comment = posted.json();
    assertThat(comment.path("ticketId").asString()).isEqualTo(ticket);
    assertThat(comment.path("content").asString()).isEqualTo("First!");
    assertThat(comment.at("/author/id").asString()).isEqualTo(author.id());
    assertThat(comment.at("/author/username").asString()).isEqualTo(author.username());
    assertThat(comment.path("createdAt").asString()).isNotBlank();
  }

  @Test
  void aCommentOnAnUnknownTicketIs404() throws Exception {
    Http.Reply reply =
        api.call("POST", "/api/tickets/" + UUID.randomUUID() + "/comments")
            .bearer(author.accessToken())
            .json(Map.of("content", "Anyone?"))
            .send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
  }

  @Test
  void listsNewestFirstWithACursor() throws Exception {
    String ticket = api.openTicket(owner, "Many comments");
    List<String> posted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      posted.add(api.postComment(author, ticket, "comment " + i));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    boolean more = true;
    while (more) {
      String query = cursor == null ? "?limit=2" : "?limit=2&cursor=" + cursor;
      Http.Reply page = api.call("GET", "/api/tickets/" + ticket + "/comments" + query).send();
      assertThat(page.status()).as("%s", page).isEqualTo(200);
      page.json().at("/list").forEach(comment -> seen.add(comment.path("id").asString()));
      more = page.json().at("/metadata/hasNextPage").asBoolean();
      cursor = page.text("/metadata/cursor");
    }
    JsonNode defaultPage = api.call("GET", "/api/tickets/" + ticket + "/comments").send().json();

    List<String> newestFirst = new ArrayList<>(posted);
    Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    assertThat(defaultPage.at("/list").size()).isEqualTo(3);
  }

  @Test
  void theAuthorEditsAndDeletes() throws Exception {
    String ticket = api.openTicket(owner, "Editable comment");
    String comment = api.postComment(author, ticket, "tpyo");

    Http.Reply edited =
        api.call("PATCH", "/api/comments/" + comment)
            .bearer(author.accessToken())
            .json(Map.of("content", "typo"))
            .send();
    Http.Reply deleted =
        api.call("DELETE", "/api/comments/" + comment).bearer(author.accessToken()).send();

    assertThat(edited.status()).as("%s", edited).isEqualTo(200);
    assertThat(edited.text("/content")).isEqualTo("typo");
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
    JsonNode list = api.call("GET", "/api/tickets/" + ticket + "/comments").send().json();
    assertThat(list.at("/list").size()).isZero();
  }

  @Test
  void aRepeatedIdempotencyKeyPostsOneComment() throws Exception {
    String ticket = api.openTicket(owner, "Idempotent comment");

    List<Http.Reply> replies = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      replies.add(
          api.call("POST", "/api/tickets/" + ticket + "/comments")
              .bearer(author.accessToken())
              .header("Idempotency-Key", "comment-once")
              .json(Map.of("content", "Only once"))
              .send());
    }

    assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
    assertThat(replies.get(1).text("/id")).isEqualTo(replies.get(0).text("/id"));
    JsonNode list = api.call("GET", "/api/tickets/" + ticket + "/comments").send().json();
    assertThat(list.at("/list").size()).isEqualTo(1);
  }

  @Test
  void namesTheBrokenRuleAndRefusesUnreadableInput() throws Exception {
    String ticket = api.openTicket(owner, "Rules");

    Http.Reply empty =
        api.call("POST", "/api/tickets/" + ticket + "/comments")
            .bearer(author.accessToken())
            .json(Map.of("content", ""))
            .send();
    Http.Reply tooLong =
        api.call("POST", "/api/tickets/" + ticket + "/comments")
            .bearer(author.accessToken())
            .json(Map.of("content", "x".repeat(1025)))
            .send();
    Http.Reply badLimit = api.call("GET", "/api/tickets/" + ticket + "/comments?limit=51").send();
    Http.Reply badCursor =
        api.call("GET", "/api/tickets/" + ticket + "/comments?cursor=not-a-cursor").send();

    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.json().findValuesAsString("field")).containsExactly("content");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badCursor.status()).isEqualTo(400);
  }
}
