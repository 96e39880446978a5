package com.ticketbounty.gateway.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into one OpenAPI 3.1 document: their paths (only those the
 * gateway routes to that service), every {@code components} section and their tags. Where two
 * services name the same path, schema or tag, the first service's is kept and the clash is logged.
 * A service's document-wide {@code security} is moved onto its own operations, so it does not
 * spread to the other services' ones. A service without a document is named in {@code
 * info.description}.
 */
final class ApiDocsMerge {
  private static final Logger log = LoggerFactory.getLogger(ApiDocsMerge.class);
  private static final Set<String> OPERATIONS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final BiPredicate<String, String> routedTo;

  /**
   * @param routedTo whether the gateway routes a path (second) to the route (first)
   */
  ApiDocsMerge(BiPredicate<String, String> routedTo) {
    this.routedTo = routedTo;
  }

  ObjectNode merge(String title, String serverUrl, List<ServiceDocument> services) {
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    merged.put("openapi", "3.1.0");
    ObjectNode info = merged.putObject("info");
    info.put("title", title);
    info.put("version", "1");
    info.put("description", description(services));
    merged.putArray("servers").addObject().put("url", serverUrl).put("description", "the gateway");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    ArrayNode tags = merged.putArray("tags");
    for (ServiceDocument service : services) {
      service
          .document()
          .ifPresent(
              document -> {
                addPaths(service.route(), document, paths);
                addComponents(service.route(), document.path("components"), components);
                addTags(document.path("tags"), tags);
              });
    }
    return merged;
  }

  private void addPaths(String route, JsonNode document, ObjectNode paths) {
    JsonNode security = document.get("security");
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      String name = path.getKey();
      if (!routedTo.test(route, name)) {
        log.debug("{} documents {}, which the gateway does not route to it: left out", route, name);
      } else if (paths.has(name)) {
        log.warn("{} documents {} too; the first service's description is kept", route, name);
      } else {
        paths.set(name, withSecurity(path.getValue(), security));
      }
    }
  }

  private static JsonNode withSecurity(JsonNode pathItem, JsonNode security) {
    if (security == null || !pathItem.isObject()) {
      return pathItem;
    }
    ObjectNode item = (ObjectNode) pathItem.deepCopy();
    for (Map.Entry<String, JsonNode> operation : item.properties()) {
      if (OPERATIONS.contains(operation.getKey())
          && operation.getValue() instanceof ObjectNode described
          && !described.has("security")) {
        described.set("security", security.deepCopy());
      }
    }
    return item;
  }

  private static void addComponents(String route, JsonNode from, ObjectNode components) {
    for (Map.Entry<String, JsonNode> section : from.properties()) {
      if (!section.getValue().isObject()) {
        continue;
      }
      ObjectNode into =
          components.has(section.getKey())
              ? (ObjectNode) components.get(section.getKey())
              : components.putObject(section.getKey());
      for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
        JsonNode kept = into.get(entry.getKey());
        if (kept == null) {
          into.set(entry.getKey(), entry.getValue());
        } else if (!kept.equals(entry.getValue())) {
          log.warn(
              "{} defines components.{}.{} differently; the first service's is kept",
              route,
              section.getKey(),
              entry.getKey());
        }
      }
    }
  }

  private static void addTags(JsonNode from, ArrayNode tags) {
    Set<String> known =
        tags.valueStream().map(tag -> tag.path("name").asString("")).collect(Collectors.toSet());
    from.valueStream()
        .filter(tag -> tag.isObject() && !known.contains(tag.path("name").asString("")))
        .forEach(tags::add);
  }

  private static String description(List<ServiceDocument> services) {
    String merged = names(services, true);
    String missing = names(services, false);
    String description =
        "The whole public API of TicketBounty behind its gateway, merged from the services' own"
            + " documents: "
            + (merged.isEmpty() ? "none" : merged)
            + ".";
    return missing.isEmpty()
        ? description
        : description
            + " Unavailable just now, so their paths are missing: "
            + missing
            + ". Reload in a few seconds.";
  }

  private static String names(List<ServiceDocument> services, boolean available) {
    return services.stream()
        .filter(service -> service.document().isPresent() == available)
        .map(ServiceDocument::route)
        .collect(Collectors.joining(", "));
  }
}
