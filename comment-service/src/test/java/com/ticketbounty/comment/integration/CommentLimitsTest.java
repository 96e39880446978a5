package com.ticketbounty.comment.integration;

import static com.ticketbounty.comment.integration.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * API.md: posting comments is limited per account; application.yml allows 30 a minute, which the
 * shared test service keeps (no test posts more than a few as one user).
 */
@ExtendWith(CommentServiceExtension.class)
class CommentLimitsTest {
  private final CommentApi api;
  private final TestUser owner;
  private final TestUser chatty;
  private final TestUser other;

  CommentLimitsTest(RunningCommentService service) {
    this.api = new CommentApi(service);
    this.owner = service.identity().user("owner");
    this.chatty = service.identity().user("chatty");
    this.other = service.identity().user("other");
  }

  @Test
  void refusesTheThirtyFirstCommentOfAnAccountWithinAMinute() throws Exception {
    UUID ticket = api.ticketOf(owner);
    for (int comment = 1; comment <= 30; comment++) {
      api.posted(ticket, chatty, "Comment " + comment);
    }

    WebTestClient.ResponseSpec thirtyFirst =
        api.post(ticket, chatty, CommentApi.json("One too many"));

    String retryAfter =
        thirtyFirst
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.RETRY_AFTER);
    expectProblem(thirtyFirst, 429);
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
    assertThat(api.commentsInDatabase(ticket)).isEqualTo(30);
    api.posted(ticket, other, "Someone else's first");
  }
}
