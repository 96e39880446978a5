package com.ticketbounty.notification.application;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The pending notifications of one recipient that one digest e-mail will carry.
 *
 * @param userId the recipient
 * @param ids the notifications, oldest first
 */
public record PendingBatch(UUID userId, List<Long> ids) {
  public PendingBatch {
    Objects.requireNonNull(userId, "userId");
    ids = List.copyOf(ids);
  }
}
