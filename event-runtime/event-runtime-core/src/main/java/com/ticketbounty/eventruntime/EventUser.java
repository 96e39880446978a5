package com.ticketbounty.eventruntime;

/** The user on whose behalf an event was produced (the body's {@code user} field). */
public record EventUser(String id) {
  public EventUser {
    if (id.isBlank()) {
      throw new IllegalArgumentException("user id must not be blank");
    }
  }
}
