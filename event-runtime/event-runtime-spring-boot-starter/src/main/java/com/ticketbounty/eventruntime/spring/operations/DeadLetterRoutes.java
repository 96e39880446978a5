package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.codec.SensitiveFields;
import com.ticketbounty.eventruntime.rabbitmq.DeadLetterRedrive;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /internal/runtime/dead-letters} and {@code POST
 * /internal/runtime/dead-letters/{id}/redrive}. Bodies are shown as JSON with sensitive values
 * redacted, as text when they are not JSON, and as base64 when they are not even UTF-8.
 */
final class DeadLetterRoutes {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_LIMIT = 500;

  private final String service;
  private final DeadLetterStore store;
  private final DeadLetterRedrive redrive;
  private final OperatorAudit audit;

  DeadLetterRoutes(
      String service, DeadLetterStore store, DeadLetterRedrive redrive, OperatorAudit audit) {
    this.service = service;
    this.store = store;
    this.redrive = redrive;
    this.audit = audit;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET(EventRuntimeOperationsAutoConfiguration.ROOT + "/dead-letters", this::list)
        .POST(
            EventRuntimeOperationsAutoConfiguration.ROOT + "/dead-letters/{id}/redrive",
            this::redrive)
        .build();
  }

  private Mono<ServerResponse> list(ServerRequest request) {
    Optional<Integer> limit = positive(request.queryParam("limit").orElse("100"));
    if (limit.isEmpty()) {
      return Problems.respond(
          HttpStatus.BAD_REQUEST,
          "limit must be a whole number from 1 to " + MAX_LIMIT,
          path(request));
    }
    return Mono.fromCallable(() -> store.list(limit.get()))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            letters ->
                ServerResponse.ok()
                    .bodyValue(
                        Map.of(
                            "list", letters.stream().map(this::view).toList(),
                            "metadata", Map.of("count", letters.size()))));
  }

  private Mono<ServerResponse> redrive(ServerRequest request) {
    long id;
    try {
      id = Long.parseLong(request.pathVariable("id"));
    } catch (NumberFormatException e) {
      return Problems.respond(HttpStatus.NOT_FOUND, "There is no such dead letter.", path(request));
    }
    return Mono.fromCallable(() -> redriven(request, id))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            redriven ->
                redriven
                    ? ServerResponse.ok().bodyValue(Map.of("id", id, "redriven", true))
                    : Problems.respond(
                        HttpStatus.NOT_FOUND,
                        "There is no dead letter " + id + " waiting to be redriven.",
                        path(request)))
        .onErrorResume(
            IllegalStateException.class,
            e -> Problems.respond(HttpStatus.CONFLICT, e.getMessage(), path(request)));
  }

  /** Redrives, and records it once it is done. */
  private boolean redriven(ServerRequest request, long id) {
    if (!redrive.redrive(id)) {
      return false;
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    store
        .find(id)
        .ifPresent(
            stored -> {
              detail.put("queue", stored.letter().queue());
              detail.put("messageId", stored.letter().messageId());
              detail.put("eventName", stored.letter().eventName());
            });
    audit.record(request, OperatorAudit.DEAD_LETTER_REDRIVEN, Long.toString(id), detail);
    return true;
  }

  private Map<String, Object> view(DeadLetterStore.Stored stored) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("service", service);
    view.put("id", stored.id());
    view.put("queue", stored.letter().queue());
    view.put("messageId", stored.letter().messageId());
    view.put("eventName", stored.letter().eventName());
    view.put("reason", stored.letter().reason());
    view.put("deadLetteredAt", stored.deadLetteredAt().toString());
    view.putAll(body(stored.letter().body()));
    return view;
  }

  private static Map<String, Object> body(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Map.of("body", Base64.getEncoder().encodeToString(bytes), "bodyEncoding", "base64");
    }
    try {
      JsonNode json = JSON.readTree(text);
      return Map.of("body", SensitiveFields.redact(json), "bodyEncoding", "json");
    } catch (JacksonException e) {
      return Map.of("body", text, "bodyEncoding", "text");
    }
  }

  private static Optional<Integer> positive(String text) {
    try {
      int value = Integer.parseInt(text);
      return value >= 1 && value <= MAX_LIMIT ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String path(ServerRequest request) {
    return request.path();
  }
}
