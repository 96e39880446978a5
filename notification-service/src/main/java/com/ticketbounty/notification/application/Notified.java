package com.ticketbounty.notification.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What became of one step's notices, by recipient: a step records it as its result, so the
 * operations API shows who was e-mailed, whose notice waits for the digest, and who turned
 * notifications off.
 *
 * @param sent e-mailed now
 * @param queued kept for the batch digest
 * @param dropped not sent (preference {@code off})
 */
public record Notified(List<UUID> sent, List<UUID> queued, List<UUID> dropped) {
  /** Nobody. */
  public static final Notified NONE = new Notified(List.of(), List.of(), List.of());

  public Notified {
    sent = List.copyOf(sent);
    queued = List.copyOf(queued);
    dropped = List.copyOf(dropped);
  }

  static Notified sent(UUID userId) {
    return new Notified(List.of(userId), List.of(), List.of());
  }

  static Notified queued(UUID userId) {
    return new Notified(List.of(), List.of(userId), List.of());
  }

  static Notified dropped(UUID userId) {
    return new Notified(List.of(), List.of(), List.of(userId));
  }

  /** Both outcomes together. */
  public Notified and(Notified other) {
    return new Notified(
        joined(sent, other.sent), joined(queued, other.queued), joined(dropped, other.dropped));
  }

  private static List<UUID> joined(List<UUID> a, List<UUID> b) {
    List<UUID> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
