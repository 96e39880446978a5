package com.ticketbounty.eventruntime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.FunctionFailed;
import com.ticketbounty.eventruntime.SchemaVersion;
import com.ticketbounty.eventruntime.internal.Greeted;
import com.ticketbounty.eventruntime.internal.PasswordResetRequested;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sealed fields through the codec: sealed for their event and path on the way out, opened for the
 * consumer, refused when they were sealed for another event or field or arrive in clear.
 */
class SensitiveFieldsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final EventKeys keys = EventKeys.random();
  private final EventCodec codec = new EventCodec(Clock.systemUTC(), new FieldCipher(keys, true));
  private final PasswordResetRequested event =
      new PasswordResetRequested(
          "u-1",
          "https://app.example/reset?token=s3cr3t",
          new PasswordResetRequested.Delivery("email", "ada@example.com"));

  @Test
  void sealsSensitiveValuesOnTheWireAndOpensThemForTheConsumer() throws Exception {
    String wire = codec.encode(codec.envelope(event, null));

    assertThat(wire).doesNotContain("s3cr3t").doesNotContain("ada@example.com").contains("\"u-1\"");
    assertThat(wire)
        .contains("\"resetLink\":{\"$enc\":\"v2:" + keys.current().id() + ":")
        .contains("\"address\":{\"$enc\":\"v2:");
    EventEnvelope read = codec.decode(wire.getBytes(StandardCharsets.UTF_8));
    assertThat(codec.read(read, PasswordResetRequested.class)).isEqualTo(event);
  }

  @Test
  void redactsSealedValuesForLogsAndTheOperationsApi() {
    EventEnvelope sealed = codec.envelope(event, null);

    String redacted = SensitiveFields.redact(sealed.data()).toString();

    assertThat(redacted)
        .contains("\"resetLink\":\"[redacted]\"")
        .contains("\"address\":\"[redacted]\"")
        .contains("\"channel\":\"email\"")
        .doesNotContain("$enc");
  }

  @Test
  void aSealedFieldCopiedIntoAnotherEventIsRefusedNamingTheField() {
    EventEnvelope original = codec.envelope(event, null);
    EventEnvelope other = codec.envelope(new PasswordResetRequested("u-2", "mine", null), null);
    ObjectNode forged = ((ObjectNode) other.data()).deepCopy();
    forged.set("resetLink", original.data().get("resetLink"));
    EventEnvelope carrying = withData(other, forged);

    assertThatThrownBy(() -> codec.read(carrying, PasswordResetRequested.class))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("sealed field 'resetLink' of event test/password.reset-requested")
        .hasMessageContaining("does not open");
    assertThatThrownBy(() -> codec.checkSealed(carrying, null))
        .hasMessageContaining("sealed field 'resetLink'");
  }

  @Test
  void aSealedFieldMovedToAnotherPathOfTheSameEventIsRefused() {
    EventEnvelope original = codec.envelope(event, null);
    ObjectNode moved = ((ObjectNode) original.data()).deepCopy();
    ((ObjectNode) moved.get("delivery")).set("address", original.data().get("resetLink"));

    assertThatThrownBy(() -> codec.read(withData(original, moved), PasswordResetRequested.class))
        .hasMessageContaining("sealed field 'delivery.address'")
        .hasMessageContaining("does not open");
  }

  @Test
  void aSensitiveFieldInClearIsRefusedNamingTheField() {
    EventEnvelope clear =
        withData(
            codec.envelope(new Greeted("x"), null),
            JSON.createObjectNode()
                .put("userId", "u-1")
                .put("resetLink", "https://app.example/reset?token=clear"));

    assertThatThrownBy(() -> codec.read(clear, PasswordResetRequested.class))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("sensitive field 'resetLink'")
        .hasMessageContaining("arrived in clear");
    assertThatThrownBy(() -> codec.checkSealed(clear, PasswordResetRequested.class))
        .hasMessageContaining("sensitive field 'resetLink'");
  }

  @Test
  void aServiceWithoutTheKeyCannotReadTheValueAndSaysWhichKeyItLacks() {
    EventCodec other = new EventCodec(Clock.systemUTC(), new FieldCipher(EventKeys.random(), true));
    EventEnvelope sealed = codec.envelope(event, null);

    assertThatThrownBy(() -> other.read(sealed, PasswordResetRequested.class))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("sealed with key '%s'".formatted(keys.current().id()));
  }

  @Test
  void anEventOfTheOldFormatStillOpens() throws Exception {
    String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    EventCodec current = new EventCodec(Clock.systemUTC(), FieldCipher.fromBase64(key));
    ObjectNode data = JSON.createObjectNode().put("userId", "u-1");
    data.putObject("resetLink").put("$enc", V1Seal.seal(key, "resetLink", "\"https://old\""));
    data.putObject("delivery")
        .put("channel", "email")
        .putObject("address")
        .put("$enc", V1Seal.seal(key, "address", "\"ada@example.com\""));

    PasswordResetRequested read =
        current.read(
            withData(current.envelope(new Greeted("x"), null), data), PasswordResetRequested.class);

    assertThat(read.resetLink()).isEqualTo("https://old");
    assertThat(read.delivery().address()).isEqualTo("ada@example.com");
  }

  @Test
  void theEventEmbeddedInAFunctionFailedKeepsItsOwnSealedValues() throws Exception {
    EventEnvelope original = codec.envelope(event, null);
    FunctionFailed failed =
        new FunctionFailed(
            "svc",
            "mail",
            UUID.randomUUID().toString(),
            "boom",
            JSON.readTree(codec.encode(original)));
    EventEnvelope failure =
        new EventEnvelope(
            UUID.randomUUID(),
            FunctionFailed.NAME,
            new SchemaVersion(1, 0),
            Instant.now(),
            JSON.valueToTree(failed),
            null);

    codec.checkSealed(failure, null);
    JsonNode embedded = codec.read(failure, FunctionFailed.class).event();
    assertThat(codec.read(failure, JsonNode.class).at("/event/data/resetLink").has("$enc"))
        .isTrue();

    EventEnvelope again = codec.decode(JSON.writeValueAsBytes(embedded));
    assertThat(embedded.at("/data/resetLink").has("$enc")).isTrue();
    assertThat(codec.read(again, PasswordResetRequested.class)).isEqualTo(event);
  }

  @Test
  void refusesSensitiveContractsWithoutAKey() {
    EventCodec keyless = new EventCodec(Clock.systemUTC());
    EventEnvelope sealed = codec.envelope(event, null);

    assertThatThrownBy(() -> keyless.envelope(event, null))
        .hasMessageContaining("configure an event encryption key");
    assertThatThrownBy(() -> keyless.read(sealed, PasswordResetRequested.class))
        .hasMessageContaining("no event encryption key");
    assertThatThrownBy(() -> keyless.checkSealed(sealed, null))
        .hasMessageContaining("sealed field 'resetLink'")
        .hasMessageContaining("no event encryption key");
  }

  @Test
  void sealsRawDataByTheSensitivePathsOfEveryContractNamed() throws Exception {
    ObjectNode raw = JSON.createObjectNode().put("userId", "u-1").put("resetLink", "https://raw");
    raw.putObject("delivery").put("channel", "email").put("address", "ada@example.com");
    SealScope.Event scope = new SealScope.Event(UUID.randomUUID(), "test/password.reset-requested");

    ObjectNode sealed = codec.sealedData(raw, List.of(PasswordResetRequested.class), scope);

    assertThat(SensitiveFields.firstSealed(raw)).isEmpty();
    assertThat(sealed.toString()).doesNotContain("https://raw").doesNotContain("ada@example.com");
    EventEnvelope sent =
        new EventEnvelope(
            scope.id(), scope.name(), new SchemaVersion(1, 0), Instant.now(), sealed, null);
    assertThat(codec.read(sent, PasswordResetRequested.class).delivery().address())
        .isEqualTo("ada@example.com");
    assertThat(SensitiveFields.firstSealed(sealed)).contains("resetLink");
  }

  private static EventEnvelope withData(EventEnvelope event, JsonNode data) {
    return new EventEnvelope(
        event.id(), event.name(), event.version(), event.timestamp(), data, event.user());
  }
}
