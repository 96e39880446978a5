package com.ticketbounty.eventruntime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.EventUser;
import com.ticketbounty.eventruntime.SchemaVersion;
import com.ticketbounty.eventruntime.internal.Greeted;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
  private final EventCodec codec = new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void envelopesAContractWithItsWireNameVersionAndAVersion7Id() {
    EventEnvelope event = codec.envelope(new Greeted("Ada"), new EventUser("u-1"));

    assertThat(event.name()).isEqualTo("test/greeted");
    assertThat(event.version()).isEqualTo(new SchemaVersion(2, 3));
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-27T10:00:00.123Z"));
    assertThat(event.id().version()).isEqualTo(7);
    assertThat(event.id().getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    assertThat(event.data().get("name").asString()).isEqualTo("Ada");
  }

  @Test
  void roundTripsThroughTheWireFormat() throws Exception {
    EventEnvelope event = codec.envelope(new Greeted("Ada"), new EventUser("u-1"));

    EventEnvelope read = codec.decode(codec.encode(event).getBytes(StandardCharsets.UTF_8));

    assertThat(read).isEqualTo(event);
    assertThat(codec.read(read, Greeted.class)).isEqualTo(new Greeted("Ada"));
  }

  @Test
  void leavesOutTheUserWhenThereIsNone() {
    String wire = codec.encode(codec.envelope(new Greeted("Ada"), null));

    assertThat(wire).doesNotContain("\"user\"").startsWith("{\"id\":");
  }

  @Test
  void refusesWhatCanNeverBeAnEvent() {
    assertThat(reason("not json")).startsWith("body is not JSON");
    assertThat(reason("[1,2]")).isEqualTo("body is not a JSON object");
    assertThat(reason("{\"name\":\"x\",\"v\":\"1.0\",\"ts\":1,\"data\":{}}"))
        .isEqualTo("field 'id' must be a non-empty string");
    assertThat(reason(body("not-a-uuid", "1.0", "{}"))).contains("UUID");
    assertThat(reason(body("019ac4d2-5b1e-7c3a-9f21-4d5e6f708192", "one", "{}")))
        .isEqualTo("version must be MAJOR.MINOR, was 'one'");
    assertThat(reason(body("019ac4d2-5b1e-7c3a-9f21-4d5e6f708192", "1.0", "[]")))
        .isEqualTo("field 'data' must be a JSON object");
  }

  @Test
  void refusesDataThatDoesNotFitTheContract() throws Exception {
    EventEnvelope event =
        codec.decode(
            body("019ac4d2-5b1e-7c3a-9f21-4d5e6f708192", "2.0", "{\"other\":1}")
                .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> codec.read(event, Greeted.class))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageStartingWith("data does not fit test/greeted");
  }

  private String reason(String body) {
    try {
      codec.decode(body.getBytes(StandardCharsets.UTF_8));
      throw new AssertionError("decoded: " + body);
    } catch (UndecodableEventException e) {
      return e.getMessage();
    }
  }

  private static String body(String id, String version, String data) {
    return "{\"id\":\"%s\",\"name\":\"test/greeted\",\"v\":\"%s\",\"ts\":1,\"data\":%s}"
        .formatted(id, version, data);
  }
}
