package com.ticketbounty.notification.domain;

import java.util.Arrays;

/**
 * How a user wants to hear about what happens on the tickets they take part in (DESIGN.md §8),
 * spelled on the wire as identity-service's account events spell it.
 */
public enum NotificationPreference {
  /** Every notification is e-mailed as it happens (the default). */
  IMMEDIATE("immediate"),
  /** Notifications wait for the 08:00 UTC batch digest, one e-mail for all of them. */
  DAILY_DIGEST("daily-digest"),
  /** Nothing but security e-mails. */
  OFF("off");

  private final String wire;

  NotificationPreference(String wire) {
    this.wire = wire;
  }

  /** The preference as the account events carry it. */
  public String wire() {
    return wire;
  }

  /**
   * The preference an account event names. One this service does not know yet (a newer
   * identity-service) counts as the default: an e-mail too many is better than one lost.
   */
  public static NotificationPreference fromWire(String wire) {
    return Arrays.stream(values())
        .filter(preference -> preference.wire.equals(wire))
        .findFirst()
        .orElse(IMMEDIATE);
  }

  /**
   * What becomes of {@code notice} for a recipient with this preference: a security e-mail is
   * always sent; anything else is sent, queued for the digest or dropped as the preference says.
   */
  public Delivery deliveryOf(Notice notice) {
    if (notice.security()) {
      return Delivery.SEND;
    }
    return switch (this) {
      case IMMEDIATE -> Delivery.SEND;
      case DAILY_DIGEST -> Delivery.QUEUE;
      case OFF -> Delivery.DROP;
    };
  }
}
