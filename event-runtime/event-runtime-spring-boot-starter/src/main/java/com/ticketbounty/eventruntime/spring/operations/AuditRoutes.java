package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.spi.OperatorActionStore;
import com.ticketbounty.eventruntime.spi.OperatorActionStore.OperatorAction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /internal/runtime/audit?since=&limit=}: the operator actions recorded by this service,
 * newest first: {@code {list:[{service, id, at, actorId, actorName, action, target, detail}],
 * metadata:{count}}}.
 */
final class AuditRoutes {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_LIMIT = 1000;

  private final String service;
  private final OperatorActionStore store;

  AuditRoutes(String service, OperatorActionStore store) {
    this.service = service;
    this.store = store;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET(EventRuntimeOperationsAutoConfiguration.ROOT + "/audit", this::list)
        .build();
  }

  private Mono<ServerResponse> list(ServerRequest request) {
    Instant since;
    int limit;
    try {
      since = request.queryParam("since").map(AuditRoutes::instant).orElse(null);
      limit = request.queryParam("limit").map(AuditRoutes::limit).orElse(100);
    } catch (IllegalArgumentException e) {
      return Problems.respond(HttpStatus.BAD_REQUEST, e.getMessage(), request.path());
    }
    return Mono.fromCallable(() -> store.list(since, limit))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            actions ->
                ServerResponse.ok()
                    .bodyValue(
                        Map.of(
                            "list", actions.stream().map(this::view).toList(),
                            "metadata", Map.of("count", actions.size()))));
  }

  private Map<String, Object> view(OperatorAction action) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("service", service);
    view.put("id", action.id());
    view.put("at", action.at().toString());
    view.put("actorId", action.what().actor().id());
    view.put("actorName", action.what().actor().name());
    view.put("action", action.what().action());
    view.put("target", action.what().target());
    view.put("detail", JSON.readTree(action.what().detailJson()));
    return view;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "since must be an ISO-8601 instant (2026-11-27T10:00:00Z)");
    }
  }

  private static int limit(String text) {
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
  }
}
