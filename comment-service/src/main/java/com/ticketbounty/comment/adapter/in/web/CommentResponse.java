package com.ticketbounty.comment.adapter.in.web;

import com.ticketbounty.comment.application.CommentView;
import com.ticketbounty.comment.domain.Comment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment as API.md shows it. {@code author} is null once the author's account is gone; its
 * {@code username} is null only while the accounts read model has not heard of the author.
 */
@Schema(name = "Comment")
record CommentResponse(
    UUID id,
    UUID ticketId,
    // Not marked nullable: springdoc would write an OpenAPI 3.1 schema no author matches.
    @Schema(description = "null once the author's account is gone") @Nullable AuthorResponse author,
    String content,
    Instant createdAt,
    Instant updatedAt) {

  @Schema(name = "CommentAuthor")
  record AuthorResponse(UUID id, @Nullable String username) {}

  static CommentResponse of(CommentView view) {
    Comment comment = view.comment();
    return new CommentResponse(
        comment.id(),
        comment.ticketId(),
        comment.authorId().map(id -> new AuthorResponse(id, view.authorName())).orElse(null),
        comment.content().text(),
        comment.createdAt(),
        comment.updatedAt());
  }
}
