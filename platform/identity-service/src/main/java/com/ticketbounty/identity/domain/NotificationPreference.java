package com.ticketbounty.identity.domain;

import java.util.Optional;

/**
 * How a user wants to hear about activity (DESIGN §8): {@link #IMMEDIATE} by default, {@link
 * #DAILY_DIGEST} once a day, {@link #OFF} only security e-mails.
 */
public enum NotificationPreference {
  IMMEDIATE("immediate"),
  DAILY_DIGEST("daily-digest"),
  OFF("off");

  public static final NotificationPreference DEFAULT = IMMEDIATE;

  private final String wireName;

  NotificationPreference(String wireName) {
    this.wireName = wireName;
  }

  /** The spelling of the API and the events. */
  public String wireName() {
    return wireName;
  }

  public static Optional<NotificationPreference> ofWireName(String name) {
    for (NotificationPreference preference : values()) {
      if (preference.wireName.equals(name)) {
        return Optional.of(preference);
      }
    }
    return Optional.empty();
  }
}
