package com.ticketbounty.eventruntime.codec;

import com.ticketbounty.eventruntime.Sensitive;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Seals, opens or redacts the {@link Sensitive} components of a contract in an event's data or a
 * memo. A sealed value is {@code {"$enc": "v2:…"}} in place of the value; it is the JSON text of
 * the value that is sealed, so any type can be sensitive. Each value is bound to its {@link
 * SealScope} and its path ({@link FieldCipher}).
 */
public final class SensitiveFields {
  static final String SEALED = "$enc";
  public static final String REDACTED = "[redacted]";

  private final FieldCipher cipher;
  private final JsonMapper mapper;

  public SensitiveFields(FieldCipher cipher, JsonMapper mapper) {
    this.cipher = cipher;
    this.mapper = mapper;
  }

  public FieldCipher cipher() {
    return cipher;
  }

  /** Seals every sensitive component of {@code contract} in {@code data} (changed in place). */
  public void seal(ObjectNode data, Class<?> contract, SealScope scope) {
    seal(data, SensitivePaths.of(contract), scope);
  }

  /** Seals the values at {@code paths} in {@code data} (changed in place); absent ones are not. */
  public void seal(ObjectNode data, Collection<String> paths, SealScope scope) {
    for (String path : paths) {
      ObjectNode parent = parentOf(data, path);
      String name = lastSegment(path);
      JsonNode value = parent == null ? null : parent.get(name);
      if (value != null && !value.isNull()) {
        String sealed = cipher.seal(scope, path, mapper.writeValueAsString(value));
        parent.putObject(name).put(SEALED, sealed);
      }
    }
  }

  /**
   * A copy of {@code data} with the sensitive components of {@code contract} opened. Sealed values
   * elsewhere are left sealed: they are not this contract's (an event embedded in {@code
   * runtime/function.failed} keeps its own).
   *
   * @param refuseClear whether a sensitive component that is present but not sealed is refused
   * @throws UndecodableEventException naming the field, when a value does not open in {@code scope}
   *     or arrived in clear
   */
  public JsonNode open(JsonNode data, Class<?> contract, SealScope scope, boolean refuseClear)
      throws UndecodableEventException {
    JsonNode copy = data.deepCopy();
    for (String path : SensitivePaths.of(contract)) {
      ObjectNode parent = parentOf(copy, path);
      JsonNode value = parent == null ? null : parent.get(lastSegment(path));
      if (value == null || value.isNull()) {
        continue;
      }
      if (isSealed(value)) {
        parent.set(lastSegment(path), opened(scope, path, value));
      } else if (refuseClear) {
        throw new UndecodableEventException(
            "sensitive field '%s' of %s arrived in clear; it must be sealed"
                .formatted(path, scope));
      }
    }
    return copy;
  }

  /** A copy of {@code data} with every sealed value opened at its path, wherever it is. */
  public JsonNode openAll(JsonNode data, SealScope scope) throws UndecodableEventException {
    return replaceSealed(data.deepCopy(), "", (path, value) -> opened(scope, path, value));
  }

  /** A copy of {@code data} with every sealed value replaced by {@code "[redacted]"}. */
  public static JsonNode redact(JsonNode data) {
    try {
      return replaceSealed(data.deepCopy(), "", (path, value) -> StringNode.valueOf(REDACTED));
    } catch (UndecodableEventException e) {
      throw new AssertionError("redacting never opens", e);
    }
  }

  private JsonNode opened(SealScope scope, String path, JsonNode sealed)
      throws UndecodableEventException {
    String text = cipher.open(scope, path, sealed.get(SEALED).asString());
    try {
      return mapper.readTree(text);
    } catch (JacksonException e) {
      throw new UndecodableEventException(
          "sealed field '%s' of %s does not hold JSON".formatted(path, scope));
    }
  }

  private static JsonNode replaceSealed(JsonNode node, String prefix, Replacement replacement)
      throws UndecodableEventException {
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        JsonNode value = object.get(name);
        if (isSealed(value)) {
          object.set(name, replacement.of(prefix + name, value));
        } else {
          replaceSealed(value, prefix + name + ".", replacement);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        replaceSealed(node.get(i), prefix + i + ".", replacement);
      }
    }
    return node;
  }

  /** The path of the first sealed value in {@code data}, if it holds one anywhere. */
  public static Optional<String> firstSealed(JsonNode data) {
    return firstSealed(data, "");
  }

  private static Optional<String> firstSealed(JsonNode node, String prefix) {
    if (node instanceof ObjectNode object) {
      for (String name : object.propertyNames()) {
        Optional<String> found =
            isSealed(object.get(name))
                ? Optional.of(prefix + name)
                : firstSealed(object.get(name), prefix + name + ".");
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = firstSealed(node.get(i), prefix + i + ".");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code contract} or a record nested in it has a {@link Sensitive} component. */
  static boolean declares(Class<?> contract) {
    return !SensitivePaths.of(contract).isEmpty();
  }

  static boolean isSealed(JsonNode value) {
    return value.isObject()
        && value.size() == 1
        && value.has(SEALED)
        && value.get(SEALED).isString();
  }

  private static @Nullable ObjectNode parentOf(JsonNode data, String path) {
    JsonNode node = data;
    int start = 0;
    for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', start)) {
      node = node.get(path.substring(start, dot));
      start = dot + 1;
      if (node == null) {
        return null;
      }
    }
    return node instanceof ObjectNode object ? object : null;
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  @FunctionalInterface
  private interface Replacement {
    JsonNode of(String path, JsonNode sealed) throws UndecodableEventException;
  }
}
