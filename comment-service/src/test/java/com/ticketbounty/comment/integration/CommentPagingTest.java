package com.ticketbounty.comment.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The list is newest first and pages by cursor: walking every page yields every comment exactly
 * once, in order, also when comments share a creation time.
 */
@ExtendWith(CommentServiceExtension.class)
class CommentPagingTest {
  private final RunningCommentService service;
  private final CommentApi api;
  private final TestUser owner;
  private final TestUser ada;

  CommentPagingTest(RunningCommentService service) {
    this.service = service;
    this.api = new CommentApi(service);
    this.owner = service.identity().user("owner");
    this.ada = service.identity().user("ada");
  }

  @Test
  void pagesNewestFirstWithoutGapsOrRepeats() throws Exception {
    UUID ticket = api.ticketOf(owner);
    List<String> postedInOrder = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      postedInOrder.add(api.posted(ticket, ada, "Comment " + i).get("id").asString());
    }

    List<String> newestFirst = new ArrayList<>(postedInOrder);
    Collections.reverse(newestFirst);

    assertThat(walk(ticket, 2)).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void commentsSharingACreationTimeArePagedByIdWithoutGapsOrRepeats() throws Exception {
    UUID ticket = api.ticketOf(owner);
    for (int i = 0; i < 5; i++) {
      api.posted(ticket, ada, "Same moment " + i);
    }
    // Five comments of one microsecond: only the id tells them apart.
    service
        .jdbc()
        .sql("UPDATE comments SET created_at = '2026-11-27T10:00:00Z' WHERE ticket_id = ?")
        .param(ticket)
        .update();
    List<String> byIdDescending =
        service
            .jdbc()
            .sql("SELECT id::text FROM comments WHERE ticket_id = ? ORDER BY id DESC")
            .param(ticket)
            .query(String.class)
            .list();

    assertThat(walk(ticket, 2)).containsExactlyElementsOf(byIdDescending);
    assertThat(walk(ticket, 1)).containsExactlyElementsOf(byIdDescending);
  }

  @Test
  void theDefaultPageHoldsThreeAndSaysMoreFollow() throws Exception {
    UUID ticket = api.ticketOf(owner);
    for (int i = 0; i < 4; i++) {
      api.posted(ticket, ada, "Comment " + i);
    }

    JsonNode first = api.page(ticket, "");
    JsonNode last = api.page(ticket, "cursor=" + first.get("metadata").get("cursor").asString());

    assertThat(first.get("list")).hasSize(3);
    assertThat(first.get("metadata").get("hasNextPage").asBoolean()).isTrue();
    assertThat(last.get("list")).hasSize(1);
    assertThat(last.get("list").get(0).get("content").asString()).isEqualTo("Comment 0");
    assertThat(last.get("metadata").get("hasNextPage").asBoolean()).isFalse();
    assertThat(api.page(ticket, "limit=50").get("list")).hasSize(4);
  }

  /** Every page from the first, following {@code metadata.cursor} while a next page exists. */
  private List<String> walk(UUID ticket, int limit) {
    List<String> seen = new ArrayList<>();
    String query = "limit=" + limit;
    for (int pages = 0; pages < 100; pages++) {
      JsonNode page = api.page(ticket, query);
      page.get("list").forEach(comment -> seen.add(comment.get("id").asString()));
      assertThat(page.get("list").size()).isLessThanOrEqualTo(limit);
      if (!page.get("metadata").get("hasNextPage").asBoolean()) {
        return seen;
      }
      String cursor = page.get("metadata").get("cursor").asString();
      query = "limit=" + limit + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
    throw new AssertionError("paging never ended");
  }
}
