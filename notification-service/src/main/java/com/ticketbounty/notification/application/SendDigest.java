package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.DigestNotices;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.QueuedNotice;
import com.ticketbounty.notification.domain.Recipient;
import java.util.List;

/**
 * Sends one recipient's batch digest: one e-mail listing every notification of the batch, then
 * marks them sent — in one step, so a retry sends the same e-mail under the same key (the provider
 * drops the repeat) and marks nothing twice. A recipient who has turned notifications off since has
 * the batch dropped instead.
 */
public final class SendDigest {
  private final Notify notify;
  private final Recipients recipients;
  private final PendingNotifications pending;
  private final DigestNotices notices;

  public SendDigest(
      Notify notify, Recipients recipients, PendingNotifications pending, DigestNotices notices) {
    this.notify = notify;
    this.recipients = recipients;
    this.pending = pending;
    this.notices = notices;
  }

  public Notified send(PendingBatch batch, String stepKey) {
    // The batch's notifications whatever their state: a retry after the marking renders the same
    // e-mail again.
    List<QueuedNotice> queued = pending.find(batch.ids());
    if (queued.isEmpty()) {
      return Notified.NONE;
    }
    Recipient recipient =
        recipients
            .find(batch.userId())
            .orElseThrow(() -> new RecipientNotKnownException(List.of(batch.userId())));
    if (recipient.preference() == NotificationPreference.OFF) {
      pending.markDropped(batch.ids());
      return Notified.dropped(recipient.userId());
    }
    notify.sendNow(recipient, notices.batchDigest(queued), stepKey);
    pending.markSent(batch.ids(), Notify.keyFor(stepKey, recipient.userId()));
    return Notified.sent(recipient.userId());
  }
}
