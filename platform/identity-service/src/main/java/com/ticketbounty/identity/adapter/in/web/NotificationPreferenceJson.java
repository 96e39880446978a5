package com.ticketbounty.identity.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ticketbounty.identity.domain.NotificationPreference;

/** A notification preference as the API spells it; any other value is unreadable (400). */
enum NotificationPreferenceJson {
  @JsonProperty("immediate")
  IMMEDIATE(NotificationPreference.IMMEDIATE),
  @JsonProperty("daily-digest")
  DAILY_DIGEST(NotificationPreference.DAILY_DIGEST),
  @JsonProperty("off")
  OFF(NotificationPreference.OFF);

  private final NotificationPreference preference;

  NotificationPreferenceJson(NotificationPreference preference) {
    this.preference = preference;
  }

  NotificationPreference toDomain() {
    return preference;
  }

  static NotificationPreferenceJson of(NotificationPreference preference) {
    for (NotificationPreferenceJson json : values()) {
      if (json.preference == preference) {
        return json;
      }
    }
    throw new IllegalArgumentException("no JSON spelling for " + preference);
  }
}
