package com.ticketbounty.ticket.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ticketbounty.ticket.domain.Priority;

/** A priority as the API spells it; any other value is unreadable (400), not a broken rule. */
enum PriorityJson {
  @JsonProperty("low")
  LOW(Priority.LOW),
  @JsonProperty("medium")
  MEDIUM(Priority.MEDIUM),
  @JsonProperty("high")
  HIGH(Priority.HIGH),
  @JsonProperty("urgent")
  URGENT(Priority.URGENT);

  private final Priority priority;

  PriorityJson(Priority priority) {
    this.priority = priority;
  }

  Priority toDomain() {
    return priority;
  }

  static PriorityJson of(Priority priority) {
    for (PriorityJson json : values()) {
      if (json.priority == priority) {
        return json;
      }
    }
    throw new IllegalArgumentException("no JSON spelling for " + priority);
  }
}
