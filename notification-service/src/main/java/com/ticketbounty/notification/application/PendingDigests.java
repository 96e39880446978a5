package com.ticketbounty.notification.application;

import java.util.List;

/**
 * Which pending notifications belong to which recipient, as the batch digest found them (recorded
 * as the {@code find-pending} step's result, so a retry sends exactly the same sets).
 *
 * @param batches one per recipient, ordered by recipient
 */
public record PendingDigests(List<PendingBatch> batches) {
  public PendingDigests {
    batches = List.copyOf(batches);
  }
}
