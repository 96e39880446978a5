package com.ticketbounty.comment.adapter.in.web;

import com.ticketbounty.comment.application.FindTicket;
import com.ticketbounty.comment.application.ListComments;
import com.ticketbounty.comment.application.PostComment;
import com.ticketbounty.comment.application.PostCommentCommand;
import com.ticketbounty.comment.domain.CommentPosition;
import com.ticketbounty.serviceweb.idempotency.IdempotentRequests;
import com.ticketbounty.serviceweb.openapi.ServiceWebOpenApiAutoConfiguration;
import com.ticketbounty.serviceweb.ratelimit.AttemptKey;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimit;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimited;
import com.ticketbounty.serviceweb.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/tickets/{ticketId}/comments}: read a ticket's comments, comment on it. */
@RestController
@Tag(name = "comments")
@RequestMapping("/api/tickets/{ticketId}/comments")
class TicketCommentsController {
  static final String POST_OPERATION = "post-comment";

  private final ListComments listComments;
  private final FindTicket findTicket;
  private final PostComment postComment;
  private final IdempotentRequests idempotentRequests;
  private final AttemptLimit postingComments;

  TicketCommentsController(
      ListComments listComments,
      FindTicket findTicket,
      PostComment postComment,
      IdempotentRequests idempotentRequests,
      AttemptLimit postingComments) {
    this.listComments = listComments;
    this.findTicket = findTicket;
    this.postComment = postComment;
    this.idempotentRequests = idempotentRequests;
    this.postingComments = postingComments;
  }

  /** Public: newest first, {@code limit} per page (1–50, default 3), from {@code cursor} on. */
  @GetMapping
  @Operation(operationId = "listComments")
  Mono<CommentPageResponse> list(
      @PathVariable UUID ticketId,
      @Parameter(description = "metadata.cursor of the previous page; absent for the first page")
          @RequestParam(name = PageCursors.PARAMETER, required = false)
          @Nullable String cursor,
      @Parameter(
              schema =
                  @Schema(
                      type = "integer",
                      minimum = "1",
                      maximum = "" + ListComments.MAX_LIMIT,
                      defaultValue = "" + ListComments.DEFAULT_LIMIT))
          @RequestParam(name = PageLimits.PARAMETER, required = false)
          @Nullable String limit) {
    return Mono.defer(
            () -> {
              CommentPosition after = cursor == null ? null : PageCursors.decode(cursor);
              return listComments.list(ticketId, after, PageLimits.parse(limit));
            })
        .map(CommentPageResponse::of);
  }

  /**
   * 201 with the comment. The ticket is found first — from the read model, or by asking
   * ticket-service when it was created a moment ago — outside the transaction that {@code
   * Idempotency-Key} and the comment share, so that no database connection waits on ticket-service.
   * Every post counts against the caller's comments per minute, before anything else is done.
   */
  @PostMapping
  @Operation(operationId = "postComment")
  @AttemptLimited
  @SecurityRequirement(name = ServiceWebOpenApiAutoConfiguration.BEARER)
  @ApiResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = CommentResponse.class)))
  Mono<ResponseEntity<Object>> post(
      Caller caller,
      @PathVariable UUID ticketId,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
      @RequestBody CommentRequest request) {
    return postingComments
        .take(AttemptKey.account(caller.userId().toString()))
        .then(
            Mono.fromCallable(
                () ->
                    PostCommentCommand.of(
                        ticketId, caller.userId(), caller.username(), request.content())))
        .flatMap(
            command ->
                findTicket
                    .find(ticketId)
                    .then(Mono.defer(() -> postOnce(caller, key, request, command))));
  }

  private Mono<ResponseEntity<Object>> postOnce(
      Caller caller, @Nullable String key, CommentRequest request, PostCommentCommand command) {
    return idempotentRequests.once(
        caller.userId(),
        POST_OPERATION,
        key,
        new PostedComment(command.ticketId(), request.content()),
        () ->
            postComment
                .post(command)
                .map(
                    view ->
                        ResponseEntity.status(HttpStatus.CREATED).body(CommentResponse.of(view))));
  }

  /** What an {@code Idempotency-Key} stands for: the same key with another request is refused. */
  record PostedComment(UUID ticketId, @Nullable String content) {}
}
