package com.ticketbounty.comment.adapter.in.web;

import com.ticketbounty.comment.application.CommentCount;
import com.ticketbounty.comment.application.CountComments;
import com.ticketbounty.serviceweb.security.InternalCaller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/comments/count?since=…}: how many comments there are, for
 * admin-digest-service's daily digest. For services and administrators ({@link InternalCaller});
 * the gateway never routes it.
 */
@RestController
class InternalCommentController {
  private final CountComments countComments;

  InternalCommentController(CountComments countComments) {
    this.countComments = countComments;
  }

  /**
   * For services and administrators, like every internal endpoint ({@link InternalCaller}: 401
   * without a token, 403 for a user's, before the query is read); 400 for a missing or bad since.
   */
  @GetMapping("/internal/comments/count")
  Mono<CommentCounts> count(
      InternalCaller caller,
      @RequestParam(name = SinceParameter.NAME, required = false) @Nullable String since) {
    return Mono.fromCallable(() -> sinceAsked(caller, since))
        .flatMap(countComments::since)
        .map(CommentCounts::of);
  }

  private static Instant sinceAsked(InternalCaller caller, @Nullable String since) {
    return SinceParameter.read(since);
  }

  /**
   * @param total comments that exist
   * @param createdSince those of them created at or after {@code since}
   * @param since the instant asked about, in UTC
   */
  record CommentCounts(long total, long createdSince, Instant since) {
    static CommentCounts of(CommentCount count) {
      return new CommentCounts(count.total(), count.createdSince(), count.since());
    }
  }
}
