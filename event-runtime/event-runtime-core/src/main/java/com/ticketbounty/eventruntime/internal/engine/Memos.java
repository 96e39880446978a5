package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.codec.SealScope;
import com.ticketbounty.eventruntime.codec.SensitiveFields;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
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
 *
 * <p>The {@code @Sensitive} components of a record result are sealed in the memo, bound to the
 * memo's run and step ({@link SealScope.Memo}): a sealed value copied into another run's or step's
 * memo does not open there. A sealed value of another kind of result (an event a {@code
 * waitForEvent} step returned) stays as it is: it belongs to its event.
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

  public String data(SealScope.Memo scope, @Nullable Object value) {
    ObjectNode memo = mapper.createObjectNode().put("v", VERSION);
    JsonNode data = mapper.valueToTree(value);
    if (sensitive != null && value != null && data instanceof ObjectNode object) {
      sensitive.seal(object, value.getClass(), scope);
    }
    memo.set("data", data);
    return mapper.writeValueAsString(memo);
  }

  public String error(String message) {
    return mapper.writeValueAsString(
        mapper.createObjectNode().put("v", VERSION).put("error", message));
  }

  /**
   * The memo's result as {@code type}, its sealed components opened for {@code scope}. A memo that
   * holds a sensitive component in clear is read as it is: only this runtime writes memos, and rows
   * written before memos were sealed hold clear values.
   *
   * @throws IllegalStateException when a sealed value does not open for {@code scope}
   */
  public <T> @Nullable T read(SealScope.Memo scope, @Nullable String memo, Class<T> type) {
    JsonNode data = tree(memo).get("data");
    if (data == null || data.isNull()) {
      return null;
    }
    return mapper.treeToValue(open(scope, data, type), type);
  }

  private JsonNode open(SealScope.Memo scope, JsonNode data, Class<?> type) {
    if (sensitive == null) {
      return data;
    }
    try {
      return sensitive.open(data, type, scope, false);
    } catch (UndecodableEventException e) {
      throw new IllegalStateException(
          "a sealed field of a memo cannot be opened: " + e.getMessage(), e);
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
