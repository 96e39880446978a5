package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.internal.SensitiveFields;
import com.ticketbounty.eventruntime.internal.UndecodableEventException;
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
  private final @Nullable SensitiveFields sensitive;

  public Memos() {
    this((SensitiveFields) null);
  }

  /**
   * @param sensitive seals the {@code @Sensitive} components of a step's result in its memo, and
   *     opens them when the memo is read, so that no memo row holds them in clear
   */
  public Memos(@Nullable SensitiveFields sensitive) {
    this(
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build(),
        sensitive);
  }

  public Memos(JsonMapper mapper) {
    this(mapper, null);
  }

  public Memos(JsonMapper mapper, @Nullable SensitiveFields sensitive) {
    this.mapper = mapper;
    this.sensitive = sensitive;
  }

  public JsonMapper mapper() {
    return mapper;
  }

  public String data(@Nullable Object value) {
    ObjectNode memo = mapper.createObjectNode().put("v", VERSION);
    JsonNode data = mapper.valueToTree(value);
    if (sensitive != null && value != null && data instanceof ObjectNode object) {
      sensitive.seal(object, value.getClass());
    }
    memo.set("data", data);
    return mapper.writeValueAsString(memo);
  }

  public String error(String message) {
    return mapper.writeValueAsString(
        mapper.createObjectNode().put("v", VERSION).put("error", message));
  }

  public <T> @Nullable T read(@Nullable String memo, Class<T> type) {
    JsonNode data = tree(memo).get("data");
    if (data == null || data.isNull()) {
      return null;
    }
    return mapper.treeToValue(open(data), type);
  }

  private JsonNode open(JsonNode data) {
    if (sensitive == null) {
      return data;
    }
    try {
      return sensitive.open(data);
    } catch (UndecodableEventException e) {
      throw new IllegalStateException("a sealed field of a memo cannot be opened", e);
    }
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
