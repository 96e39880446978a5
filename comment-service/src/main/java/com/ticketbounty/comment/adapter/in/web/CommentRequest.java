package com.ticketbounty.comment.adapter.in.web;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/tickets/{ticketId}/comments} and {@code PATCH /api/comments/{id}}.
 * The content may be absent here: a missing or blank text is a broken rule (422), not an unreadable
 * body (400).
 */
record CommentRequest(@Nullable String content) {}
