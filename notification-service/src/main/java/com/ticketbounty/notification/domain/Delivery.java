package com.ticketbounty.notification.domain;

/** What becomes of one notice for one recipient (see {@link NotificationPreference}). */
public enum Delivery {
  /** E-mailed now. */
  SEND,
  /** Kept as a pending notification for the recipient's next batch digest. */
  QUEUE,
  /** Not sent at all: the recipient turned notifications off. */
  DROP
}
