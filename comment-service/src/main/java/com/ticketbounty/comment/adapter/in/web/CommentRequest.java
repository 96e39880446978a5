package com.ticketbounty.comment.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/tickets/{ticketId}/comments} and {@code PATCH /api/comments/{id}}.
 * The content may be absent here: a missing or blank text is a broken rule (422), not an unreadable
 * body (400).
 */
@Schema(name = "CommentContent")
record CommentRequest(
    @Schema(description = "1 to 1024 characters, not only white space") @Nullable String content) {}
