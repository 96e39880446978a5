package com.ticketbounty.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** One trace as Zipkin's query API answers it ({@code /api/v2/trace/{id}}): its spans, linked. */
record ZipkinTrace(List<JsonNode> spans) {

  static ZipkinTrace of(JsonNode answer) {
    return new ZipkinTrace(StreamSupport.stream(answer.spliterator(), false).toList());
  }

  static String service(JsonNode span) {
    return span.path("localEndpoint").path("serviceName").asString("");
  }

  static String name(JsonNode span) {
    return span.path("name").asString("");
  }

  static String kind(JsonNode span) {
    return span.path("kind").asString("");
  }

  static Predicate<JsonNode> named(String service, String name) {
    return span -> service(span).equals(service) && name(span).equals(name);
  }

  List<JsonNode> all(Predicate<JsonNode> which) {
    return spans.stream().filter(which).toList();
  }

  Optional<JsonNode> any(Predicate<JsonNode> which) {
    return spans.stream().filter(which).findFirst();
  }

  boolean has(Predicate<JsonNode> which) {
    return any(which).isPresent();
  }

  Optional<JsonNode> parent(JsonNode span) {
    String parentId = span.path("parentId").asString("");
    return spans.stream().filter(other -> other.path("id").asString().equals(parentId)).findFirst();
  }

  /** Whether {@code span}'s parent satisfies {@code which}. */
  boolean childOf(JsonNode span, Predicate<JsonNode> which) {
    return parent(span).filter(which).isPresent();
  }

  /** Its parent, the parent's parent, … up to the root recorded in this trace. */
  List<JsonNode> ancestors(JsonNode span) {
    List<JsonNode> ancestors = new ArrayList<>();
    Optional<JsonNode> next = parent(span);
    while (next.isPresent() && ancestors.size() < spans.size()) {
      ancestors.add(next.get());
      next = parent(next.get());
    }
    return ancestors;
  }

  boolean descendsFrom(JsonNode span, JsonNode ancestor) {
    return ancestors(span).stream()
        .anyMatch(candidate -> Objects.equals(candidate.path("id"), ancestor.path("id")));
  }

  /** Every tag value of every span, for "never recorded" checks. */
  List<String> tagValues() {
    List<String> values = new ArrayList<>();
    for (JsonNode span : spans) {
      span.path("tags").forEach(value -> values.add(value.asString("")));
    }
    return values;
  }
}
