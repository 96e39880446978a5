package com.ticketbounty.eventruntime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One event as it travels: Inngest's event shape {@code {"id", "name", "v", "ts", "data",
 * "user"?}}. {@code id} is unique per event and is what consumers deduplicate on.
 *
 * @param id a UUID (version 7 when the runtime made it)
 * @param name the wire name, for example {@code app/ticket.created}
 * @param version the schema version of {@code data}
 * @param timestamp when the event occurred (serialized as epoch milliseconds)
 * @param data the payload
 * @param user the acting user, when there is one
 */
public record EventEnvelope(
    UUID id,
    String name,
    SchemaVersion version,
    Instant timestamp,
    JsonNode data,
    @Nullable EventUser user) {

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    if (name.isBlank()) {
      throw new IllegalArgumentException("event name must not be blank");
    }
    if (!data.isObject()) {
      throw new IllegalArgumentException("event data must be a JSON object");
    }
  }

  public Optional<EventUser> actingUser() {
    return Optional.ofNullable(user);
  }
}
