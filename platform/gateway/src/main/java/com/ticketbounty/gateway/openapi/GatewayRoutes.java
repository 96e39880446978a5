package com.ticketbounty.gateway.openapi;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The gateway's configured routes as the API document needs them: where a route points, and which
 * route a documented path would take. The document thereby holds exactly what the gateway serves: a
 * path a service documents but the gateway does not route to it (its {@code /internal} API, or a
 * path another route wins) is left out.
 */
final class GatewayRoutes {
  private final List<Route> routes;

  GatewayRoutes(GatewayProperties properties) {
    this.routes =
        properties.getRoutes().stream()
            .sorted(Comparator.comparingInt(RouteDefinition::getOrder))
            .map(GatewayRoutes::route)
            .toList();
  }

  Optional<URI> uriOf(String routeId) {
    return routes.stream().filter(route -> route.id().equals(routeId)).map(Route::uri).findFirst();
  }

  /** The id of the route a request for this path (an OpenAPI path template) takes. */
  Optional<String> routeFor(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return routes.stream()
        .filter(route -> route.paths().stream().anyMatch(pattern -> pattern.matches(container)))
        .map(Route::id)
        .findFirst();
  }

  private static Route route(RouteDefinition definition) {
    List<PathPattern> paths =
        definition.getPredicates().stream()
            .filter(predicate -> predicate.getName().equals("Path"))
            .map(PredicateDefinition::getArgs)
            .flatMap(args -> args.entrySet().stream())
            .filter(arg -> !arg.getKey().equals("matchTrailingSlash"))
            .flatMap(arg -> List.of(arg.getValue().split(",")).stream())
            .map(String::trim)
            .map(PathPatternParser.defaultInstance::parse)
            .toList();
    return new Route(definition.getId(), definition.getUri(), paths);
  }

  private record Route(String id, URI uri, List<PathPattern> paths) {}
}
