package com.ticketbounty.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.ticketbounty.gateway.openapi.ApiDocsFixtures.document;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.ticketbounty.gateway.openapi.ApiDocsFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** {@code /v3/api-docs} merged from the services' springdoc documents, and Swagger UI over it. */
@GatewayTest
class GatewayOpenApiTest {
  private static final GatewayTestBed BED = GatewayTestBed.start("gateway_openapi");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    BED.register(registry);
    // Every request asks the services again, so each test sees its own stubs.
    registry.add("gateway.openapi.cache-for", () -> "0s");
    registry.add("gateway.openapi.timeout", () -> "1s");
  }

  @Autowired WebTestClient client;

  @BeforeEach
  void serveTheServicesDocuments() {
    BED.resetServices();
    BED.identityService.stubFor(get("/v3/api-docs").willReturn(okJson(document("identity"))));
    BED.ticketService.stubFor(get("/v3/api-docs").willReturn(okJson(document("ticket"))));
    BED.commentService.stubFor(get("/v3/api-docs").willReturn(okJson(document("comment"))));
  }

  @Test
  void servesOneDocumentOfEveryPublicPathOfTheThreeServices() {
    JsonNode docs = apiDocs();

    assertThat(docs.get("openapi").asString()).isEqualTo("3.1.0");
    assertThat(docs.at("/info/title").asString()).isEqualTo("TicketBounty API");
    assertThat(docs.at("/servers/0/url").asString()).isEqualTo("/");
    assertThat(docs.get("paths").propertyNames())
        .filteredOn(path -> !path.startsWith("/api/ops/"))
        .containsExactlyInAnyOrderElementsOf(ApiDocsFixtures.ROUTED_PATHS);
    assertThat(docs.at("/components/schemas").propertyNames())
        .contains("SignIn", "Ticket", "Comment", "ProblemDetail");
    // The gateway's own operations API, written down in the gateway (it serves it itself).
    assertThat(docs.get("paths").propertyNames())
        .contains("/api/ops/runs", "/api/ops/audit", "/api/ops/runs/{service}/{runId}/replay");
    assertThat(docs.at("/components/schemas").propertyNames())
        .contains("OpsRun", "OpsAuditEntry", "MergedMetadata");
  }

  @Test
  void staysAvailableWithoutAServiceThatIsDown() {
    BED.commentService.stubFor(
        get("/v3/api-docs").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    JsonNode docs = apiDocs();

    assertThat(docs.get("paths").propertyNames())
        .contains("/api/auth/sign-in", "/api/tickets")
        .doesNotContain("/api/comments/{id}", "/api/tickets/{ticketId}/comments");
    assertThat(docs.at("/info/description").asString()).contains("missing: comments");
  }

  @Test
  void servesSwaggerUiOverTheMergedDocument() {
    String page =
        client
            .get()
            .uri("/swagger-ui.html")
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.LOCATION);
    client
        .get()
        .uri(page)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML);

    client
        .get()
        .uri("/v3/gateway-api-docs/swagger-config")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.url")
        .isEqualTo("/v3/api-docs");
  }

  private JsonNode apiDocs() {
    return client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }
}
