package com.ticketbounty.events.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.SchemaVersion;
import com.ticketbounty.eventruntime.internal.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class UrgentTicketCreatedGoldenTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final EventCodec CODEC = new EventCodec(Clock.systemUTC());

  private static final UrgentTicketCreated EVENT =
      new UrgentTicketCreated(
          UUID.fromString("0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c"),
          UUID.fromString("3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1f"),
          "Fix the login page",
          LocalDate.of(2026, 12, 24),
          5000);

  @Test
  void writesTheGoldenWireFormat() throws IOException {
    EventEnvelope envelope =
        new EventEnvelope(
            UUID.fromString("019ac4d2-6c2f-7d4b-8a32-5e6f7a8b9c0d"),
            UrgentTicketCreated.NAME,
            new SchemaVersion(1, 0),
            Instant.ofEpochMilli(1764237601000L),
            MAPPER.valueToTree(EVENT),
            null);

    assertThat(MAPPER.readTree(CODEC.encode(envelope))).isEqualTo(MAPPER.readTree(golden()));
  }

  @Test
  void readsTheGoldenWireFormat() throws Exception {
    EventEnvelope envelope = CODEC.decode(golden());

    assertThat(envelope.name()).isEqualTo("app/admin.urgent-ticket-created");
    assertThat(envelope.version()).isEqualTo(new SchemaVersion(1, 0));
    assertThat(CODEC.read(envelope.data(), UrgentTicketCreated.class)).isEqualTo(EVENT);
  }

  private static byte[] golden() throws IOException {
    try (InputStream in =
        UrgentTicketCreatedGoldenTest.class.getResourceAsStream(
            "/golden/app-admin.urgent-ticket-created/1.0.json")) {
      return in.readAllBytes();
    }
  }
}
