package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.Sensitive;
import java.lang.reflect.RecordComponent;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Finds the {@link Sensitive} components of a contract (also in nested records) and seals, opens or
 * redacts them in an event's data. A sealed value is {@code {"$enc": "v1:…"}}; it is encrypted as
 * the JSON text of the value, so any type can be sensitive.
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

  /** Seals every sensitive component of {@code contract} in {@code data} (changed in place). */
  public void seal(ObjectNode data, Class<?> contract) {
    if (!contract.isRecord()) {
      return;
    }
    for (RecordComponent component : contract.getRecordComponents()) {
      JsonNode value = data.get(component.getName());
      if (value == null || value.isNull()) {
        continue;
      }
      if (component.isAnnotationPresent(Sensitive.class)) {
        String ciphertext = cipher.encrypt(component.getName(), mapper.writeValueAsString(value));
        data.putObject(component.getName()).put(SEALED, ciphertext);
      } else if (value.isObject() && component.getType().isRecord()) {
        seal((ObjectNode) value, component.getType());
      }
    }
  }

  /** A copy of {@code data} with every sealed value opened, wherever it is. */
  public JsonNode open(JsonNode data) throws UndecodableEventException {
    return replaceSealed(
        data.deepCopy(), (field, text) -> mapper.readTree(cipher.decrypt(field, text)));
  }

  /** A copy of {@code data} with every sealed value replaced by {@code "[redacted]"}. */
  public static JsonNode redact(JsonNode data) {
    try {
      return replaceSealed(data.deepCopy(), (field, text) -> StringNode.valueOf(REDACTED));
    } catch (UndecodableEventException e) {
      throw new AssertionError("redacting never decrypts", e);
    }
  }

  private static JsonNode replaceSealed(JsonNode node, Replacement replacement)
      throws UndecodableEventException {
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        JsonNode value = object.get(name);
        if (isSealed(value)) {
          object.set(name, replacement.of(name, value.get(SEALED).asString()));
        } else {
          replaceSealed(value, replacement);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        replaceSealed(element, replacement);
      }
    }
    return node;
  }

  /** Whether {@code contract} or a record nested in it has a {@link Sensitive} component. */
  static boolean declares(Class<?> contract) {
    if (!contract.isRecord()) {
      return false;
    }
    for (RecordComponent component : contract.getRecordComponents()) {
      if (component.isAnnotationPresent(Sensitive.class) || declares(component.getType())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code data} holds a sealed value anywhere. */
  static boolean containsSealed(JsonNode data) {
    if (isSealed(data)) {
      return true;
    }
    for (JsonNode child : data) {
      if (containsSealed(child)) {
        return true;
      }
    }
    return false;
  }

  static boolean isSealed(JsonNode value) {
    return value.isObject()
        && value.size() == 1
        && value.has(SEALED)
        && value.get(SEALED).isString();
  }

  @FunctionalInterface
  private interface Replacement {
    JsonNode of(String field, String text) throws UndecodableEventException;
  }
}
