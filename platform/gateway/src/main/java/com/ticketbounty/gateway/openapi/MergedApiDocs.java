package com.ticketbounty.gateway.openapi;

import java.time.Duration;
import java.util.Optional;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The merged OpenAPI document, fetched lazily on the first request and then at most once per {@code
 * gateway.openapi.cache-for}; requests meanwhile share the cached (or the one in-flight) document.
 * The services are asked in parallel, so the document is never later than one timeout.
 */
@Component
class MergedApiDocs {
  static final String TITLE = "TicketBounty API";

  private final Mono<ObjectNode> document;

  MergedApiDocs(GatewayProperties gateway, OpenApiProperties properties, JsonMapper mapper) {
    GatewayRoutes routes = new GatewayRoutes(gateway);
    ServiceApiDocs services = new ServiceApiDocs(mapper, properties.timeout());
    ServiceDocument ops = OpsApiDocs.document(mapper);
    ApiDocsMerge merge =
        new ApiDocsMerge(
            (route, path) ->
                route.equals(OpsApiDocs.ROUTE)
                    ? OpsApiDocs.serves(path)
                    : routes.routeFor(path).filter(route::equals).isPresent());
    Duration cacheFor = properties.cacheFor();
    this.document =
        Flux.fromIterable(properties.routes())
            .flatMapSequential(route -> fetch(routes, services, route))
            .concatWithValues(ops)
            .collectList()
            .map(fetched -> merge.merge(TITLE, properties.serverUrl(), fetched))
            .cache(merged -> cacheFor, error -> Duration.ZERO, () -> Duration.ZERO);
  }

  /** A copy: the cached document stays as merged whatever a caller does with it. */
  Mono<ObjectNode> document() {
    return document.map(ObjectNode::deepCopy);
  }

  private static Mono<ServiceDocument> fetch(
      GatewayRoutes routes, ServiceApiDocs services, String route) {
    return routes
        .uriOf(route)
        .map(uri -> services.fetch(route, uri))
        .orElseGet(() -> Mono.just(new ServiceDocument(route, Optional.empty())));
  }
}
