package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.SchemaVersion;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Events for expression tests, their data written as JSON (single quotes allowed). */
public final class TestEvents {
  public static final UUID ID = UUID.fromString("01936f3e-8a00-7000-8000-000000000001");
  public static final Instant TS = Instant.parse("2025-01-01T00:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TestEvents() {}

  public static EventEnvelope event(String dataJson) {
    return event("app/ticket.created", dataJson, null);
  }

  public static EventEnvelope eventBy(String userId, String dataJson) {
    return event("app/ticket.created", dataJson, new EventUser(userId));
  }

  public static EventEnvelope event(String name, String dataJson, @Nullable EventUser user) {
    return new EventEnvelope(
        ID, name, SchemaVersion.parse("1.2"), TS, JSON.readTree(dataJson.replace('\'', '"')), user);
  }
}
