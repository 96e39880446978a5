package com.ticketbounty.eventruntime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SensitiveFieldsTest {
  private static final String KEY = newKey();
  private final EventCodec codec = new EventCodec(Clock.systemUTC(), FieldCipher.fromBase64(KEY));
  private final PasswordResetRequested event =
      new PasswordResetRequested(
          "u-1",
          "https://app.example/reset?token=s3cr3t",
          new PasswordResetRequested.Delivery("email", "ada@example.com"));

  @Test
  void sealsSensitiveValuesOnTheWireAndOpensThemForTheConsumer() throws Exception {
    String wire = codec.encode(codec.envelope(event, null));

    assertThat(wire).doesNotContain("s3cr3t").doesNotContain("ada@example.com").contains("\"u-1\"");
    assertThat(wire).contains("\"resetLink\":{\"$enc\":\"v1:");
    EventEnvelope read = codec.decode(wire.getBytes(StandardCharsets.UTF_8));
    assertThat(codec.read(read.data(), PasswordResetRequested.class)).isEqualTo(event);
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
  void aServiceWithAnotherKeyCannotReadTheValue() throws Exception {
    EventCodec other = new EventCodec(Clock.systemUTC(), FieldCipher.fromBase64(newKey()));
    EventEnvelope sealed = codec.envelope(event, null);

    assertThatThrownBy(() -> other.read(sealed.data(), PasswordResetRequested.class))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("cannot be decrypted");
  }

  @Test
  void aSealedValueMovedToAnotherFieldIsRefused() {
    FieldCipher cipher = FieldCipher.fromBase64(KEY);
    String sealed = cipher.encrypt("resetLink", "\"x\"");

    assertThatThrownBy(() -> cipher.decrypt("address", sealed))
        .isInstanceOf(UndecodableEventException.class);
  }

  @Test
  void refusesSensitiveContractsWithoutAKeyAndKeysOfTheWrongSize() {
    EventCodec keyless = new EventCodec(Clock.systemUTC());

    assertThatThrownBy(() -> keyless.envelope(event, null))
        .hasMessageContaining("configure an event encryption key");
    assertThatThrownBy(
            () -> FieldCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("256 bits");
    assertThatThrownBy(() -> FieldCipher.fromBase64("not base64!"))
        .hasMessageContaining("not base64");
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
