package com.ticketbounty.systemtests;

import com.ticketbounty.eventruntime.internal.FieldCipher;
import com.ticketbounty.eventruntime.internal.SensitiveFields;
import tools.jackson.databind.JsonNode;

/**
 * The event encryption key the test system runs on when none is configured (the development key),
 * so that a test reading events off the exchange sees sealed fields opened, as a consuming function
 * would.
 */
final class DevelopmentKey {
  private static final String KEY = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdCE=";
  private static final SensitiveFields SEALED =
      new SensitiveFields(FieldCipher.fromBase64(KEY), Http.JSON);

  private DevelopmentKey() {}

  /** {@code data} with every sealed field opened. */
  static JsonNode open(JsonNode data) {
    try {
      return SEALED.open(data);
    } catch (Exception e) {
      throw new IllegalStateException("a sealed field does not open with the development key", e);
    }
  }
}
