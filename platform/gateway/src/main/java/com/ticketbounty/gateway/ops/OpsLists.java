package com.ticketbounty.gateway.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The list calls: functions, runs, dead letters and the audit of every service (or of the one a
 * {@code service} filter names), merged by {@link OpsMerge}. Filters a service understands are
 * passed on as they came (the service answers a bad one with a problem, which is passed on); the
 * {@code limit} is read here, since it applies again after merging.
 */
final class OpsLists {
  private static final List<String> RUN_FILTERS = List.of("function", "status", "since", "until");

  private final OpsTargets targets;
  private final Downstream downstream;

  OpsLists(OpsTargets targets, Downstream downstream) {
    this.targets = targets;
    this.downstream = downstream;
  }

  Mono<ServerResponse> functions(ServerRequest request) {
    return list(request, "/functions", List.of(), List.of(), new Limit(Integer.MAX_VALUE, 1));
  }

  Mono<ServerResponse> runs(ServerRequest request) {
    return list(
        request, "/runs", RUN_FILTERS, List.of("createdAt", "startedAt"), new Limit(50, 1000));
  }

  Mono<ServerResponse> deadLetters(ServerRequest request) {
    return list(
        request, "/dead-letters", List.of(), List.of("deadLetteredAt"), new Limit(100, 500));
  }

  Mono<ServerResponse> audit(ServerRequest request) {
    return list(request, "/audit", List.of("since"), List.of("at"), new Limit(100, 1000));
  }

  /**
   * @param limit the default and the largest {@code limit}; a list without one ({@code max} 1)
   *     passes none on and keeps every item
   */
  private Mono<ServerResponse> list(
      ServerRequest request,
      String path,
      List<String> filters,
      List<String> newestBy,
      Limit limit) {
    Optional<String> service = request.queryParam("service").filter(s -> !s.isBlank());
    if (service.isPresent() && !targets.knows(service.get())) {
      return OpsAnswers.problem(
          request,
          HttpStatus.BAD_REQUEST,
          "There is no service " + service.get() + ".",
          List.of(Map.of("field", "service", "message", "must be one of " + targets.names())));
    }
    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
    filters.forEach(name -> request.queryParam(name).ifPresent(value -> query.add(name, value)));
    int kept = Integer.MAX_VALUE;
    if (limit.max() > 1) {
      Optional<Integer> asked = limit.read(request.queryParam("limit"));
      if (asked.isEmpty()) {
        return OpsAnswers.problem(
            request,
            HttpStatus.BAD_REQUEST,
            "limit must be a whole number from 1 to " + limit.max() + ".",
            List.of(Map.of("field", "limit", "message", "must be from 1 to " + limit.max())));
      }
      kept = asked.get();
      query.add("limit", Integer.toString(kept));
    }
    List<String> asked = service.map(List::of).orElseGet(targets::names);
    int finalKept = kept;
    return Flux.fromIterable(asked)
        .<Reply>flatMapSequential(
            name ->
                downstream.call(
                    name,
                    HttpMethod.GET,
                    targets.uri(name, OpsTargets.RUNTIME + path, query),
                    OpsAnswers.authorization(request),
                    null))
        .collectList()
        .flatMap(replies -> answer(request, OpsMerge.merge(replies, newestBy, finalKept)));
  }

  static Mono<ServerResponse> answer(ServerRequest request, OpsMerge.Merged merged) {
    return merged instanceof OpsMerge.Merged.Listed listed
        ? OpsAnswers.ok(listed.body())
        : OpsAnswers.refusal(request, ((OpsMerge.Merged.Refused) merged).refusal());
  }

  /** A list's default and largest {@code limit}. */
  record Limit(int byDefault, int max) {
    Optional<Integer> read(Optional<String> text) {
      if (text.isEmpty()) {
        return Optional.of(byDefault);
      }
      if (!text.get().matches("[0-9]{1,9}")) {
        return Optional.empty();
      }
      int value = Integer.parseInt(text.get());
      return value >= 1 && value <= max ? Optional.of(value) : Optional.empty();
    }
  }
}
