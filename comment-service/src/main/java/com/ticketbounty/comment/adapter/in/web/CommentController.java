package com.ticketbounty.comment.adapter.in.web;

import com.ticketbounty.comment.application.DeleteComment;
import com.ticketbounty.comment.application.EditComment;
import com.ticketbounty.serviceweb.openapi.ServiceWebOpenApiAutoConfiguration;
import com.ticketbounty.serviceweb.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/comments/{id}}: the author edits or deletes a comment. The caller comes first among
 * the parameters, so that an anonymous request is 401 before its body is even read.
 */
@RestController
@Tag(name = "comments")
@SecurityRequirement(name = ServiceWebOpenApiAutoConfiguration.BEARER)
@RequestMapping("/api/comments/{id}")
class CommentController {
  private final EditComment editComment;
  private final DeleteComment deleteComment;

  CommentController(EditComment editComment, DeleteComment deleteComment) {
    this.editComment = editComment;
    this.deleteComment = deleteComment;
  }

  @PatchMapping
  @Operation(operationId = "editComment")
  Mono<CommentResponse> edit(
      Caller caller, @PathVariable UUID id, @RequestBody CommentRequest request) {
    return editComment.edit(id, caller.userId(), request.content()).map(CommentResponse::of);
  }

  @DeleteMapping
  @Operation(operationId = "deleteComment")
  @ApiResponse(responseCode = "204")
  Mono<ResponseEntity<Void>> delete(Caller caller, @PathVariable UUID id) {
    return deleteComment
        .delete(id, caller.userId())
        .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
  }
}
