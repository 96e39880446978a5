package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.Notice;
import com.ticketbounty.notification.domain.QueuedNotice;
import java.util.List;
import java.util.UUID;

/** Notifications kept for the batch digest of recipients whose preference is daily-digest. */
public interface PendingNotifications {

  /**
   * Keeps {@code notice} for {@code userId}'s next digest. {@code key} identifies it: a key queued
   * already is left as it is, so a retried step queues its notice once.
   */
  void queue(UUID userId, String key, Notice notice);

  /** Every pending notification's id, grouped by recipient. */
  List<PendingBatch> pendingByUser();

  /** The notifications with these ids, pending or not, oldest first. */
  List<QueuedNotice> find(List<Long> ids);

  /** Marks those still pending as sent in the digest e-mail with key {@code digestKey}. */
  void markSent(List<Long> ids, String digestKey);

  /** Marks those still pending as dropped: their recipient turned notifications off. */
  void markDropped(List<Long> ids);
}
