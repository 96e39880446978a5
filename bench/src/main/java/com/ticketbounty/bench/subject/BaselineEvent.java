package com.ticketbounty.bench.subject;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event as the baselines read it from the wire: its id, its sequence number, its JSON. */
record BaselineEvent(UUID id, long seq, String json) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static BaselineEvent read(byte[] body) {
    String json = new String(body, StandardCharsets.UTF_8);
    JsonNode root = JSON.readTree(json);
    return new BaselineEvent(
        UUID.fromString(root.get("id").asString()), root.get("data").get("seq").asLong(), json);
  }
}
