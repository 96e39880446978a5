package com.ticketbounty.gateway.ops;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /api/ops/**} as API.md lists it. Served by the gateway itself (its router functions are
 * asked before any gateway route); every route, and every other path under {@code /api/ops}, is
 * behind {@link AdminOnly}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class OpsRoutesConfiguration {
  static final String ROOT = "/api/ops";

  @Bean
  RouterFunction<ServerResponse> opsRoutes(OpsProperties properties, WebClient.Builder builder) {
    OpsTargets targets = new OpsTargets(properties.services());
    Downstream downstream = new Downstream(builder, properties.timeout());
    OpsLists lists = new OpsLists(targets, downstream);
    OpsActions actions = new OpsActions(targets, downstream, properties);
    OpsBulkReplay bulk = new OpsBulkReplay(targets, downstream);
    return RouterFunctions.route()
        .GET(ROOT + "/functions", lists::functions)
        .POST(ROOT + "/functions/{service}/{functionId}/trigger", actions::trigger)
        .GET(ROOT + "/runs", lists::runs)
        .POST(ROOT + "/runs/replay", bulk::replay)
        .GET(ROOT + "/runs/{service}/{runId}", actions::run)
        .POST(ROOT + "/runs/{service}/{runId}/replay", actions::replay)
        .POST(ROOT + "/runs/{service}/{runId}/cancel", actions::cancel)
        .GET(ROOT + "/dead-letters", lists::deadLetters)
        .POST(ROOT + "/dead-letters/{service}/{id}/redrive", actions::redrive)
        .POST(ROOT + "/events", actions::sendEvent)
        .GET(ROOT + "/emails", actions::emails)
        .GET(ROOT + "/audit", lists::audit)
        // Anything else under /api/ops: a 404 problem, but only past the gate (no probing).
        .route(
            RequestPredicates.path(ROOT).or(RequestPredicates.path(ROOT + "/**")),
            request ->
                OpsAnswers.problem(
                    request, HttpStatus.NOT_FOUND, "There is no such operations call."))
        .filter(new AdminOnly())
        .build();
  }
}
