package com.ticketbounty.eventruntime.internal;

import com.ticketbounty.eventruntime.EventEnvelope;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns an event into the values CEL expressions see: exactly the wire fields of DESIGN.md §4.
 *
 * <ul>
 *   <li>{@code id}, {@code name}, {@code v} are strings; {@code ts} is an int (epoch ms);
 *   <li>{@code user} is a map {@code {id}}, and absent when the event has no acting user (test it
 *       with {@code has(event.user)});
 *   <li>{@code data} follows the JSON: objects become maps, arrays lists, strings, booleans and
 *       {@code null} themselves; integers that fit 64 bits become CEL ints, every other number a
 *       double (CEL has no wider integer, and JSON readers in other languages do the same).
 * </ul>
 *
 * A sensitive field is still its encrypted {@code {"$enc": …}} object here, so no expression can
 * read or filter on its value.
 */
final class CelEventValues {
  private CelEventValues() {}

  static Map<String, Object> of(EventEnvelope event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", event.id().toString());
    fields.put("name", event.name());
    fields.put("v", event.version().toString());
    fields.put("ts", event.timestamp().toEpochMilli());
    fields.put("data", of(event.data()));
    event.actingUser().ifPresent(user -> fields.put("user", Map.of("id", user.id())));
    return Collections.unmodifiableMap(fields);
  }

  static Object of(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> object(node);
      case ARRAY -> array(node);
      case STRING -> node.stringValue();
      case BOOLEAN -> node.booleanValue();
      case NUMBER -> number(node);
      case NULL -> NullValue.NULL_VALUE;
      // A byte[] put into a tree travels as base64 text; give CEL what the wire will carry.
      case BINARY -> node.asString();
      case MISSING, POJO ->
          throw new IllegalArgumentException(
              "event data holds a " + node.getNodeType() + " node, which has no JSON form");
    };
  }

  private static Map<String, Object> object(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      map.put(property.getKey(), of(property.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  private static List<Object> array(JsonNode node) {
    List<Object> list = new ArrayList<>(node.size());
    for (JsonNode element : node.values()) {
      list.add(of(element));
    }
    return Collections.unmodifiableList(list);
  }

  private static Object number(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    return node.doubleValue();
  }
}
