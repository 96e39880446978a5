package com.ticketbounty.gateway.ops;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' answers to one list call into {@code {list:[…each with service],
 * metadata:{count, unavailable:[{service, reason}]}}}. A service's items are its answer's {@code
 * list} (or the answer itself when it is an array). A service that answers 404 has no such list (no
 * durable functions, say) and adds nothing; one that did not answer is named in {@code
 * unavailable}; one that refused the call (another 4xx: a bad filter, a token it no longer accepts)
 * makes the merged answer that refusal.
 */
final class OpsMerge {
  private OpsMerge() {}

  /** The merged answer, or the first refusal. */
  sealed interface Merged {
    record Listed(ObjectNode body) implements Merged {}

    record Refused(Reply.Answered refusal) implements Merged {}
  }

  /**
   * @param newestBy the time fields that order the list, newest first (the first one present), or
   *     none to keep the services' order
   * @param limit at most this many items, after merging
   */
  static Merged merge(List<Reply> replies, List<String> newestBy, int limit) {
    List<ObjectNode> items = new ArrayList<>();
    ArrayNode unavailable = OpsAnswers.JSON.createArrayNode();
    for (Reply reply : replies) {
      if (reply instanceof Reply.Unavailable down) {
        unavailable.addObject().put("service", down.service()).put("reason", down.reason());
        continue;
      }
      Reply.Answered answered = (Reply.Answered) reply;
      if (answered.status() == 404) {
        continue;
      }
      if (!answered.ok()) {
        return new Merged.Refused(answered);
      }
      Optional<ArrayNode> list = list(answered.body());
      if (list.isEmpty()) {
        unavailable
            .addObject()
            .put("service", answered.service())
            .put("reason", "answered without a list");
        continue;
      }
      for (JsonNode item : list.get()) {
        if (item instanceof ObjectNode object) {
          object.put("service", answered.service());
          items.add(object);
        }
      }
    }
    if (!newestBy.isEmpty()) {
      items.sort(Comparator.comparing((ObjectNode item) -> time(item, newestBy)).reversed());
    }
    List<ObjectNode> kept = items.subList(0, Math.min(limit, items.size()));
    ObjectNode body = OpsAnswers.JSON.createObjectNode();
    body.putArray("list").addAll(kept);
    ObjectNode metadata = body.putObject("metadata");
    metadata.put("count", kept.size());
    metadata.put("hasMore", items.size() > kept.size());
    metadata.set("unavailable", unavailable);
    return new Merged.Listed(body);
  }

  private static Optional<ArrayNode> list(JsonNode body) {
    if (body instanceof ArrayNode array) {
      return Optional.of(array);
    }
    return body.get("list") instanceof ArrayNode array ? Optional.of(array) : Optional.empty();
  }

  /** The first of the fields that holds an instant; items without one sort last. */
  private static Instant time(ObjectNode item, List<String> fields) {
    for (String field : fields) {
      Instant instant = instant(item.get(field));
      if (instant != null) {
        return instant;
      }
    }
    return Instant.MIN;
  }

  private static @Nullable Instant instant(@Nullable JsonNode value) {
    if (value == null || !value.isString()) {
      return null;
    }
    try {
      return Instant.parse(value.asString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
