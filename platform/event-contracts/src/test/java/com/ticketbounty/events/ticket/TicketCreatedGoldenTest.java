package com.ticketbounty.events.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventUser;
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

class TicketCreatedGoldenTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final EventCodec CODEC = new EventCodec(Clock.systemUTC());

  private static final TicketCreated EVENT =
      new TicketCreated(
          UUID.fromString("0b9f2c1e-8d4a-4f6b-a1c3-5e7d9f0b2a4c"),
          UUID.fromString("3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1f"),
          "ada@example.com",
          "Fix the login page",
          "The sign-in button does nothing on Safari.",
          "urgent",
          LocalDate.of(2026, 12, 24),
          5000);

  @Test
  void writesTheGoldenWireFormat() throws IOException {
    EventEnvelope envelope =
        new EventEnvelope(
            UUID.fromString("019ac4d2-5b1e-7c3a-9f21-4d5e6f708192"),
            TicketCreated.NAME,
            new SchemaVersion(1, 0),
            Instant.ofEpochMilli(1764237600000L),
            MAPPER.valueToTree(EVENT),
            new EventUser("3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1f"));

    assertThat(MAPPER.readTree(CODEC.encode(envelope))).isEqualTo(MAPPER.readTree(golden()));
  }

  @Test
  void readsTheGoldenWireFormat() throws Exception {
    EventEnvelope envelope = CODEC.decode(golden());

    assertThat(envelope.name()).isEqualTo("app/ticket.created");
    assertThat(envelope.version()).isEqualTo(new SchemaVersion(1, 0));
    assertThat(CODEC.read(envelope.data(), TicketCreated.class)).isEqualTo(EVENT);
  }

  @Test
  void ignoresFieldsAddedByALaterMinorVersion() throws Exception {
    String newer =
        new String(golden(), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"v\": \"1.0\"", "\"v\": \"1.1\"")
            .replace("\"bounty\": 5000", "\"bounty\": 5000, \"labels\": [\"ui\"]");

    EventEnvelope envelope = CODEC.decode(newer.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(CODEC.read(envelope.data(), TicketCreated.class)).isEqualTo(EVENT);
  }

  private static byte[] golden() throws IOException {
    try (InputStream in =
        TicketCreatedGoldenTest.class.getResourceAsStream("/golden/app-ticket.created/1.0.json")) {
      return in.readAllBytes();
    }
  }
}
