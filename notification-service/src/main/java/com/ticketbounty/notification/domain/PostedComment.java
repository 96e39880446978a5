package com.ticketbounty.notification.domain;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment someone is told about.
 *
 * @param ticketId the ticket it is on
 * @param ticketTitle the ticket's title, or null when this service has not learnt it
 * @param authorName who wrote it, or null when this service does not know the account
 * @param content what it says (untrusted text)
 */
public record PostedComment(
    UUID ticketId, @Nullable String ticketTitle, @Nullable String authorName, String content) {
  public PostedComment {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(content, "content");
  }
}
