package com.ticketbounty.eventruntime.internal.engine;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned memo format of step results: {@code {"v":1,"data":…}} or {@code
 * {"v":1,"error":"…"}}. A version bump must stay readable by the previous release during a rolling
 * deploy, so readers refuse only versions newer than they know, loudly.
 */
public final class Memos {
  static final int VERSION = 1;

  private final JsonMapper mapper;

  public Memos() {
    this(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
  }

  public Memos(JsonMapper mapper) {
    this.mapper = mapper;
  }

  public JsonMapper mapper() {
    return mapper;
  }

  public String data(@Nullable Object value) {
    ObjectNode memo = mapper.createObjectNode().put("v", VERSION);
    memo.set("data", mapper.valueToTree(value));
    return mapper.writeValueAsString(memo);
  }

  public String error(String message) {
    return mapper.writeValueAsString(
        mapper.createObjectNode().put("v", VERSION).put("error", message));
  }

  public <T> @Nullable T read(@Nullable String memo, Class<T> type) {
    JsonNode data = tree(memo).get("data");
    return data == null || data.isNull() ? null : mapper.treeToValue(data, type);
  }

  public String errorOf(@Nullable String memo) {
    JsonNode error = tree(memo).get("error");
    return error == null ? "unknown error" : error.asString();
  }

  static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private JsonNode tree(@Nullable String memo) {
    if (memo == null) {
      throw new IllegalStateException("step has no memo");
    }
    JsonNode root = mapper.readTree(memo);
    int version = root.path("v").asInt(0);
    if (version < 1 || version > VERSION) {
      throw new IllegalStateException(
          "memo format v" + version + " is unknown to this version (reads up to v" + VERSION + ")");
    }
    return root;
  }
}
