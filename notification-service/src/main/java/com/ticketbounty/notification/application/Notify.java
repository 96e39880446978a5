package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.AppLinks;
import com.ticketbounty.notification.domain.Email;
import com.ticketbounty.notification.domain.Notice;
import com.ticketbounty.notification.domain.Recipient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells recipients a notice as their preference says (DESIGN.md §8): e-mails it, queues it for the
 * batch digest, or drops it; security e-mails always go.
 *
 * <p>Every e-mail and queued notice is keyed {@code <step key>:<recipient's user id>}: the provider
 * sends one e-mail per key and the queue keeps one notice per key, so a retried step repeats
 * nothing — however many recipients it had reached before it failed.
 */
public final class Notify {
  private final EmailSender emails;
  private final EmailTemplates templates;
  private final PendingNotifications pending;
  private final Recipients recipients;
  private final String from;
  private final AppLinks links;

  /**
   * @param from the sender, such as {@code TicketBounty <noreply@ticketbounty.local>}
   * @param links where the e-mails' settings links point
   */
  public Notify(
      EmailSender emails,
      EmailTemplates templates,
      PendingNotifications pending,
      Recipients recipients,
      String from,
      AppLinks links) {
    this.emails = emails;
    this.templates = templates;
    this.pending = pending;
    this.recipients = recipients;
    this.from = Email.requireSender(from);
    this.links = links;
  }

  /** The key of one recipient's e-mail or queued notice within a step. */
  public static String keyFor(String stepKey, UUID userId) {
    return stepKey + ":" + userId;
  }

  /**
   * @throws ProviderRejectedException when the provider refuses the e-mail for good
   * @throws ProviderUnavailableException when it could not be sent now
   */
  public Notified notify(Recipient recipient, Notice notice, String stepKey) {
    String key = keyFor(stepKey, recipient.userId());
    return switch (recipient.preference().deliveryOf(notice)) {
      case SEND -> {
        emails.send(compose(recipient, notice), key);
        yield Notified.sent(recipient.userId());
      }
      case QUEUE -> {
        pending.queue(recipient.userId(), key, notice);
        yield Notified.queued(recipient.userId());
      }
      case DROP -> Notified.dropped(recipient.userId());
    };
  }

  /** E-mails the notice whatever the preference: the batch digest itself. */
  public void sendNow(Recipient recipient, Notice notice, String stepKey) {
    emails.send(compose(recipient, notice), keyFor(stepKey, recipient.userId()));
  }

  /**
   * Tells each of {@code userIds} in turn. A recipient the provider refuses does not keep the
   * others from being told: the refusal is raised once everyone else was tried, as is — first — a
   * recipient whose address is not known yet (a retriable failure).
   *
   * @throws RecipientNotKnownException when an address is not known yet
   * @throws ProviderRejectedException when the provider refused someone's e-mail for good
   * @throws ProviderUnavailableException when an e-mail could not be sent now (at once: the step is
   *     retried, and those already told are not told again)
   */
  public Notified notifyEach(Collection<UUID> userIds, Notice notice, String stepKey) {
    Map<UUID, Recipient> known = recipients.findAll(userIds);
    List<Recipient> reachable =
        userIds.stream().filter(known::containsKey).map(known::get).toList();
    List<UUID> unknown = userIds.stream().filter(id -> !known.containsKey(id)).toList();
    Notified notified = notifyAll(reachable, notice, stepKey, !unknown.isEmpty());
    if (!unknown.isEmpty()) {
      throw new RecipientNotKnownException(unknown);
    }
    return notified;
  }

  /** {@link #notifyEach} for recipients already looked up. */
  public Notified notifyAll(List<Recipient> all, Notice notice, String stepKey) {
    return notifyAll(all, notice, stepKey, false);
  }

  /**
   * @param retryFollows the caller fails retriably afterwards (an address is not known yet): a
   *     refusal is not raised now, the retry meets it again
   */
  private Notified notifyAll(
      List<Recipient> all, Notice notice, String stepKey, boolean retryFollows) {
    Notified notified = Notified.NONE;
    List<ProviderRejectedException> rejected = new ArrayList<>();
    for (Recipient recipient : all) {
      try {
        notified = notified.and(notify(recipient, notice, stepKey));
      } catch (ProviderRejectedException e) {
        rejected.add(e);
      }
    }
    if (!rejected.isEmpty() && !retryFollows) {
      throw new ProviderRejectedException(
          "%d of %d e-mails were refused: %s"
              .formatted(rejected.size(), all.size(), rejected.get(0).getMessage()),
          rejected.get(0));
    }
    return notified;
  }

  private Email compose(Recipient recipient, Notice notice) {
    EmailBodies bodies = templates.render(notice.template(), notice.valuesFor(recipient, links));
    return new Email(
        from,
        List.of(recipient.email()),
        notice.subject(),
        bodies.html(),
        bodies.text(),
        notice.headers(links));
  }
}
