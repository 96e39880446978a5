package com.ticketbounty.comment.adapter.in.web;

import com.ticketbounty.comment.application.CommentPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code {list, metadata:{hasNextPage, cursor}}}: {@code cursor} is where the next page starts
 * (pass it back as {@code ?cursor=}), null on an empty page.
 */
@Schema(name = "CommentPage")
record CommentPageResponse(List<CommentResponse> list, Metadata metadata) {

  @Schema(name = "CommentPageMetadata")
  record Metadata(
      boolean hasNextPage,
      @Schema(description = "pass back as ?cursor= for the next page", nullable = true)
          @Nullable String cursor) {}

  static CommentPageResponse of(CommentPage page) {
    return new CommentPageResponse(
        page.comments().stream().map(CommentResponse::of).toList(),
        new Metadata(page.hasNextPage(), page.last().map(PageCursors::encode).orElse(null)));
  }
}
