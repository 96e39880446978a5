package com.ticketbounty.gateway.ops;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/ops/runs/replay {service?, function?, status?, since?, until?}}: every service
 * (or the one named) replays its failed runs that match; the answer is {@code {replayed: total,
 * list:[{service, replayed}], metadata:{count, unavailable}}}.
 */
final class OpsBulkReplay {
  private final OpsTargets targets;
  private final Downstream downstream;

  OpsBulkReplay(OpsTargets targets, Downstream downstream) {
    this.targets = targets;
    this.downstream = downstream;
  }

  Mono<ServerResponse> replay(ServerRequest request) {
    return OpsBodies.object(request)
        .flatMap(
            filter -> {
              Optional<String> service = OpsBodies.service(filter);
              if (service.isPresent() && !targets.knows(service.get())) {
                return OpsBodies.unknownServiceField(request, targets, service.get());
              }
              List<String> asked = service.map(List::of).orElseGet(targets::names);
              return Flux.fromIterable(asked)
                  .<Reply>flatMapSequential(
                      name ->
                          downstream.call(
                              name,
                              HttpMethod.POST,
                              targets.uri(name, OpsTargets.RUNTIME + "/runs/replay"),
                              OpsAnswers.authorization(request),
                              filter))
                  .map(OpsBulkReplay::asList)
                  .collectList()
                  .flatMap(replies -> answer(request, replies));
            })
        .onErrorResume(OpsBodies.Unreadable.class, e -> OpsBodies.unreadable(request, e));
  }

  private static Mono<ServerResponse> answer(ServerRequest request, List<Reply> replies) {
    OpsMerge.Merged merged = OpsMerge.merge(replies, List.of(), Integer.MAX_VALUE);
    if (merged instanceof OpsMerge.Merged.Listed listed) {
      long total = 0;
      for (var item : (ArrayNode) listed.body().get("list")) {
        total += item.path("replayed").asLong(0);
      }
      listed.body().put("replayed", total);
    }
    return OpsLists.answer(request, merged);
  }

  /** A service's {@code {replayed: n}} as a one-item list, so that it merges like a listing. */
  private static Reply asList(Reply reply) {
    if (reply instanceof Reply.Answered answered
        && answered.ok()
        && answered.body() instanceof ObjectNode body) {
      ArrayNode list = OpsAnswers.JSON.createArrayNode();
      list.addObject().put("replayed", body.path("replayed").asLong(0));
      return new Reply.Answered(answered.service(), answered.status(), list);
    }
    return reply;
  }
}
