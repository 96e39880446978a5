package com.ticketbounty.notification.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A notification kept for a recipient's batch digest.
 *
 * @param id its row
 * @param subject the subject it would have had as an e-mail of its own
 * @param link the page it is about, or null
 * @param queuedAt when it was queued
 */
public record QueuedNotice(long id, String subject, @Nullable String link, Instant queuedAt) {
  public QueuedNotice {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(queuedAt, "queuedAt");
  }
}
