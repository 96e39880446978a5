package com.ticketbounty.eventruntime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sealed format: {@code v2:<key id>:…}, bound to its scope and path; the {@code v1} format of
 * earlier releases still opens until it is retired; each refusal says why, naming the field.
 */
class FieldCipherTest {
  private static final String OLD = key();
  private static final String NEW = key();
  private static final SealScope.Event EVENT =
      new SealScope.Event(
          UUID.fromString("019ac4d2-5b1e-7c3a-9f21-4d5e6f708206"), "app/password.reset");

  private final FieldCipher cipher = new FieldCipher(EventKeys.of(NEW, List.of(OLD)), true);

  @Test
  void sealsWithTheCurrentKeyNamingItsIdAndOpensAtTheSamePlace() throws Exception {
    String sealed = cipher.seal(EVENT, "resetLink", "\"https://x/reset?t=1\"");

    assertThat(sealed).startsWith("v2:" + EventKeys.of(NEW, List.of()).current().id() + ":");
    assertThat(cipher.open(EVENT, "resetLink", sealed)).isEqualTo("\"https://x/reset?t=1\"");
  }

  @Test
  void opensWhatAPreviousKeySealed() throws Exception {
    String sealedBefore = FieldCipher.fromBase64(OLD).seal(EVENT, "resetLink", "\"old\"");

    assertThat(cipher.open(EVENT, "resetLink", sealedBefore)).isEqualTo("\"old\"");
  }

  @Test
  void opensTheV1FormatOfEarlierReleasesWithAnyOfItsKeys() throws Exception {
    String v1 = V1Seal.seal(OLD, "link", "\"in flight\"");

    assertThat(cipher.open(EVENT, "recipient.link", v1)).isEqualTo("\"in flight\"");
  }

  @Test
  void refusesTheV1FormatOnceItIsRetired() {
    FieldCipher retired = new FieldCipher(EventKeys.of(OLD, List.of()), false);

    assertThatThrownBy(() -> retired.open(EVENT, "link", V1Seal.seal(OLD, "link", "\"x\"")))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("sealed field 'link'")
        .hasMessageContaining("retired v1 format");
  }

  @Test
  void aValueDoesNotOpenForAnotherEventAnotherNameOrAnotherField() {
    String sealed = cipher.seal(EVENT, "resetLink", "\"secret\"");
    SealScope otherId = new SealScope.Event(UUID.randomUUID(), EVENT.name());
    SealScope otherName = new SealScope.Event(EVENT.id(), "app/other.event");
    SealScope memo = new SealScope.Memo(EVENT.id(), "resetLink");

    for (SealScope elsewhere : List.of(otherId, otherName, memo)) {
      assertThatThrownBy(() -> cipher.open(elsewhere, "resetLink", sealed))
          .isInstanceOf(UndecodableEventException.class)
          .hasMessageContaining("sealed field 'resetLink' of " + elsewhere)
          .hasMessageContaining("does not open");
    }
    assertThatThrownBy(() -> cipher.open(EVENT, "email", sealed))
        .hasMessageContaining("sealed field 'email'")
        .hasMessageContaining("does not open");
  }

  @Test
  void aMemoValueDoesNotOpenForAnotherRunOrStep() {
    UUID run = UUID.randomUUID();
    String sealed = cipher.seal(new SealScope.Memo(run, "mail"), "link", "\"x\"");

    assertThatThrownBy(
            () -> cipher.open(new SealScope.Memo(UUID.randomUUID(), "mail"), "link", sealed))
        .hasMessageContaining("does not open");
    assertThatThrownBy(() -> cipher.open(new SealScope.Memo(run, "mail:1"), "link", sealed))
        .hasMessageContaining("does not open");
  }

  @Test
  void anAlteredValueDoesNotOpen() {
    String sealed = cipher.seal(EVENT, "resetLink", "\"secret\"");
    int at = sealed.length() - 5;
    String altered =
        sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

    assertThatThrownBy(() -> cipher.open(EVENT, "resetLink", altered))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("does not open");
  }

  @Test
  void aValueOfAKeyThisServiceDoesNotHoldIsRefusedNamingTheKey() {
    FieldCipher other = FieldCipher.fromBase64(key());
    String sealed = other.seal(EVENT, "resetLink", "\"secret\"");

    assertThatThrownBy(() -> cipher.open(EVENT, "resetLink", sealed))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("sealed field 'resetLink'")
        .hasMessageContaining(
            "sealed with key '%s', which this service does not hold"
                .formatted(other.keys().current().id()));
  }

  @Test
  void refusesTextsThatAreNoSealedValue() {
    assertThatThrownBy(() -> cipher.open(EVENT, "f", "v9:abc"))
        .hasMessageContaining("unknown format");
    assertThatThrownBy(() -> cipher.open(EVENT, "f", "v2:nokeyid"))
        .hasMessageContaining("names no key id");
    assertThatThrownBy(() -> cipher.open(EVENT, "f", "v2:a\nforged log line:AAAA"))
        .hasMessageEndingWith("names no key id");
    String id = cipher.keys().current().id();
    assertThatThrownBy(() -> cipher.open(EVENT, "f", "v2:" + id + ":!!"))
        .hasMessageContaining("not base64");
    assertThatThrownBy(() -> cipher.open(EVENT, "f", "v2:" + id + ":AAAA"))
        .hasMessageContaining("truncated");
  }

  private static String key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
