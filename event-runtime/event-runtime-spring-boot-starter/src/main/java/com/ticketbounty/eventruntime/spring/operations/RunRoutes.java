package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import com.ticketbounty.eventruntime.spi.RunQueries;
import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Functions and runs: list, show with steps, replay (one or by filter), cancel, and trigger a cron
 * function now. The store is JDBC, so every call runs on the bounded-elastic scheduler.
 */
final class RunRoutes {
  private static final String ROOT = EventRuntimeOperationsAutoConfiguration.ROOT;
  private static final ParameterizedTypeReference<Map<String, Object>> BODY =
      new ParameterizedTypeReference<>() {};

  private final DurableEngine engine;
  private final RunStore store;
  private final RunQueries queries;
  private final RunViews views;
  private final OperatorAudit audit;

  RunRoutes(
      DurableEngine engine,
      RunStore store,
      RunQueries queries,
      RunViews views,
      OperatorAudit audit) {
    this.engine = engine;
    this.store = store;
    this.queries = queries;
    this.views = views;
    this.audit = audit;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET(ROOT + "/functions", request -> ok(this::functions))
        .POST(ROOT + "/functions/{id}/trigger", this::trigger)
        .GET(ROOT + "/runs", this::list)
        .POST(ROOT + "/runs/replay", this::replayMatching)
        .GET(ROOT + "/runs/{id}", this::show)
        .POST(
            ROOT + "/runs/{id}/replay",
            request -> change(request, engine::replay, "replayed", OperatorAudit.RUN_REPLAYED))
        .POST(
            ROOT + "/runs/{id}/cancel",
            request -> change(request, engine::cancel, "cancelled", OperatorAudit.RUN_CANCELLED))
        .build();
  }

  private Object functions() {
    return engine.functions().stream().map(views::function).toList();
  }

  private Mono<ServerResponse> list(ServerRequest request) {
    RunQueries.Filter filter;
    try {
      filter = RunFilters.read(request::queryParam, 50);
    } catch (IllegalArgumentException e) {
      return Problems.respond(HttpStatus.BAD_REQUEST, e.getMessage(), request.path());
    }
    return ok(
        () -> {
          var runs = queries.find(filter).stream().map(views::run).toList();
          return Map.of("list", runs, "metadata", Map.of("count", runs.size()));
        });
  }

  private Mono<ServerResponse> show(ServerRequest request) {
    Optional<UUID> id = runId(request);
    if (id.isEmpty()) {
      return notFound(request);
    }
    return blocking(() -> store.run(id.get()))
        .flatMap(
            run ->
                run.isEmpty()
                    ? notFound(request)
                    : ok(() -> views.runWithSteps(run.get(), store.steps(id.get()))));
  }

  private Mono<ServerResponse> change(
      ServerRequest request,
      java.util.function.Predicate<UUID> action,
      String done,
      String audited) {
    Optional<UUID> id = runId(request);
    if (id.isEmpty()) {
      return notFound(request);
    }
    return blocking(
            () ->
                store
                    .run(id.get())
                    .map(
                        run -> {
                          boolean changed = action.test(run.id());
                          if (changed) {
                            audit.record(
                                request,
                                audited,
                                run.id().toString(),
                                Map.of("function", run.functionId()));
                          }
                          return changed;
                        }))
        .flatMap(
            changed ->
                changed.isEmpty()
                    ? notFound(request)
                    : changed.get()
                        ? ServerResponse.ok().bodyValue(Map.of("id", id.get(), done, true))
                        : Problems.respond(
                            HttpStatus.CONFLICT,
                            "Run " + id.get() + " cannot be " + done + " in its present status.",
                            request.path()));
  }

  /** Replays every failed run that matches the filter (other statuses are left alone). */
  private Mono<ServerResponse> replayMatching(ServerRequest request) {
    return request
        .bodyToMono(BODY)
        .defaultIfEmpty(Map.of())
        .flatMap(
            body -> {
              RunQueries.Filter asked = RunFilters.read(body, 1000);
              RunQueries.Filter failed =
                  new RunQueries.Filter(
                      asked.functionId(),
                      java.util.Set.of(RunStatus.FAILED),
                      asked.since(),
                      asked.until(),
                      asked.limit());
              return ok(
                  () -> {
                    long replayed =
                        queries.find(failed).stream()
                            .map(RunRecord::id)
                            .filter(engine::replay)
                            .count();
                    audit.record(
                        request,
                        OperatorAudit.RUNS_REPLAYED,
                        null,
                        Map.of("filter", body, "count", replayed));
                    return Map.of("replayed", replayed);
                  });
            })
        .onErrorResume(
            e -> e instanceof IllegalArgumentException || e instanceof ServerWebInputException,
            e ->
                Problems.respond(
                    HttpStatus.BAD_REQUEST,
                    e instanceof ServerWebInputException
                        ? "The body must be a JSON object of filters."
                        : e.getMessage(),
                    request.path()));
  }

  private Mono<ServerResponse> trigger(ServerRequest request) {
    String id = request.pathVariable("id");
    Optional<DurableFunction> function = engine.function(id);
    if (function.isEmpty()) {
      return Problems.respond(
          HttpStatus.NOT_FOUND, "There is no function " + id + ".", request.path());
    }
    if (function.get().triggers().stream().noneMatch(Trigger.OnCron.class::isInstance)) {
      return Problems.respond(
          HttpStatus.CONFLICT, "Function " + id + " has no cron trigger.", request.path());
    }
    return blocking(
            () -> {
              RunRecord run = engine.trigger(id);
              audit.record(
                  request,
                  OperatorAudit.FUNCTION_TRIGGERED,
                  id,
                  Map.of("runId", run.id().toString()));
              return run;
            })
        .flatMap(
            run ->
                ServerResponse.status(HttpStatus.ACCEPTED)
                    .bodyValue(Map.of("function", id, "runId", run.id().toString())));
  }

  private static Optional<UUID> runId(ServerRequest request) {
    try {
      return Optional.of(UUID.fromString(request.pathVariable("id")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Mono<ServerResponse> notFound(ServerRequest request) {
    return Problems.respond(HttpStatus.NOT_FOUND, "There is no such run.", request.path());
  }

  private static Mono<ServerResponse> ok(Callable<Object> body) {
    return blocking(body).flatMap(value -> ServerResponse.ok().bodyValue(value));
  }

  private static <T> Mono<T> blocking(Callable<T> work) {
    return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
  }
}
