package com.ticketbounty.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ApiDocsMergeTest {
  private static final JsonMapper JSON = JsonMapper.shared();

  private final GatewayRoutes routes =
      new GatewayRoutes(ApiDocsFixtures.routes("http://i:1", "http://t:2", "http://c:3"));
  private final ApiDocsMerge merge =
      new ApiDocsMerge((route, path) -> routes.routeFor(path).filter(route::equals).isPresent());

  @Test
  void holdsEveryPathTheGatewayRoutesToTheServiceThatDocumentsIt() {
    ObjectNode merged = mergeAll();

    assertThat(merged.get("openapi").asString()).isEqualTo("3.1.0");
    assertThat(merged.at("/info/title").asString()).isEqualTo("TicketBounty API");
    assertThat(merged.at("/servers/0/url").asString()).isEqualTo("/");
    assertThat(merged.get("paths").propertyNames())
        .containsExactlyInAnyOrderElementsOf(ApiDocsFixtures.ROUTED_PATHS);
    // ticket-service documents it too, but the gateway sends it to comment-service.
    assertThat(merged.at("/paths/~1api~1tickets~1{ticketId}~1comments/get/operationId").asString())
        .isEqualTo("listComments");
  }

  @Test
  void keepsTheFirstServicesComponentOnANameClash() {
    ObjectNode merged = mergeAll();

    JsonNode schemas = merged.at("/components/schemas");
    assertThat(schemas.propertyNames())
        .containsExactlyInAnyOrder("SignIn", "ProblemDetail", "Ticket", "Comment");
    assertThat(schemas.at("/ProblemDetail/properties").propertyNames())
        .containsExactlyInAnyOrder("status", "detail");
    assertThat(merged.at("/components/securitySchemes/bearer/scheme").asString())
        .isEqualTo("bearer");
    assertThat(merged.get("tags").valueStream().map(tag -> tag.get("name").asString()))
        .containsExactly("auth", "tickets");
    assertThat(merged.at("/tags/0/description").asString()).contains("Sign-up");
  }

  @Test
  void movesAServicesDocumentWideSecurityOntoItsOwnOperations() {
    ObjectNode merged = mergeAll();

    assertThat(merged.has("security")).isFalse();
    assertThat(merged.at("/paths/~1api~1tickets/post/security/0").has("bearer")).isTrue();
    JsonNode ownSecurity = merged.at("/paths/~1api~1tickets/get/security");
    assertThat(ownSecurity.isArray() && ownSecurity.isEmpty()).as("its own: public").isTrue();
    assertThat(merged.at("/paths/~1api~1auth~1sign-in/post").has("security")).isFalse();
  }

  @Test
  void namesAServiceWhoseDocumentIsMissing() {
    ObjectNode merged =
        merge.merge(
            "TicketBounty API",
            "/",
            List.of(
                service("identity", "identity"),
                new ServiceDocument("tickets", Optional.empty()),
                service("comments", "comment")));

    assertThat(merged.at("/info/description").asString())
        .contains("identity, comments")
        .contains("missing: tickets");
    assertThat(merged.get("paths").propertyNames())
        .contains("/api/auth/sign-in", "/api/comments/{id}")
        .doesNotContain("/api/tickets");
  }

  private ObjectNode mergeAll() {
    return merge.merge(
        "TicketBounty API",
        "/",
        List.of(
            service("identity", "identity"),
            service("tickets", "ticket"),
            service("comments", "comment")));
  }

  private static ServiceDocument service(String route, String fixture) {
    return new ServiceDocument(
        route, Optional.of(JSON.readTree(ApiDocsFixtures.document(fixture))));
  }
}
