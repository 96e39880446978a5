package com.ticketbounty.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

/** Small springdoc documents of the three services, and the gateway's routes to them. */
public final class ApiDocsFixtures {
  /** The paths of the three documents that the gateway routes to the service documenting them. */
  public static final List<String> ROUTED_PATHS =
      List.of(
          "/api/auth/sign-in",
          "/api/account",
          "/.well-known/jwks.json",
          "/api/tickets",
          "/api/tickets/{id}",
          "/api/tickets/{ticketId}/comments",
          "/api/comments/{id}");

  private ApiDocsFixtures() {}

  /** {@code identity}, {@code ticket} or {@code comment}. */
  public static String document(String service) {
    try (InputStream in =
        ApiDocsFixtures.class.getResourceAsStream("/openapi/" + service + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The routes of application.yml, pointing at the given services. */
  static GatewayProperties routes(String identity, String tickets, String comments) {
    GatewayProperties properties = new GatewayProperties();
    properties.setRoutes(
        List.of(
            route(
                "identity",
                identity,
                0,
                "/api/auth/**,/api/account,/api/account/**,/.well-known/jwks.json"),
            route(
                "comments",
                comments,
                0,
                "/api/tickets/*/comments,/api/tickets/*/comments/**,/api/comments/**"),
            route("tickets", tickets, 1, "/api/tickets,/api/tickets/**")));
    return properties;
  }

  private static RouteDefinition route(String id, String uri, int order, String paths) {
    RouteDefinition route = new RouteDefinition();
    route.setId(id);
    route.setUri(URI.create(uri));
    route.setOrder(order);
    route.setPredicates(List.of(new PredicateDefinition("Path=" + paths)));
    return route;
  }
}
