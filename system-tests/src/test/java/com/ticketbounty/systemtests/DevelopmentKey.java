package com.ticketbounty.systemtests;

import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.FieldCipher;
import com.ticketbounty.testsupport.EventTap;
import java.time.Clock;
import tools.jackson.databind.JsonNode;

/**
 * The event encryption key the test system runs on when none is configured (the development key),
 * so that a test reading events off the exchange sees sealed fields opened, as a consuming function
 * would: each sealed value opens only for its own event's id and name, hence the whole event.
 */
final class DevelopmentKey {
  private static final String KEY = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdCE=";
  private static final EventCodec CODEC =
      new EventCodec(Http.JSON, Clock.systemUTC(), FieldCipher.fromBase64(KEY));

  private DevelopmentKey() {}

  /** The event's data with every sealed field opened. */
  static JsonNode open(EventTap.Received event) {
    try {
      return CODEC.openedData(CODEC.decode(Http.JSON.writeValueAsBytes(event.body())));
    } catch (Exception e) {
      throw new IllegalStateException("a sealed field does not open with the development key", e);
    }
  }
}
