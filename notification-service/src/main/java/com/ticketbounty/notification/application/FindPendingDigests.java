package com.ticketbounty.notification.application;

/** The batch digest's first step: which pending notifications go to whom. */
public final class FindPendingDigests {
  private final PendingNotifications pending;

  public FindPendingDigests(PendingNotifications pending) {
    this.pending = pending;
  }

  public PendingDigests find() {
    return new PendingDigests(pending.pendingByUser());
  }
}
