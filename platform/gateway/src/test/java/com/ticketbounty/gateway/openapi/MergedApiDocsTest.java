package com.ticketbounty.gateway.openapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.ticketbounty.testsupport.TcpProxy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The merged document against WireMocks serving the services' springdoc documents. */
class MergedApiDocsTest {
  @RegisterExtension
  static final WireMockExtension IDENTITY =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final WireMockExtension TICKETS =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final WireMockExtension COMMENTS =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void serveTheDocuments() {
    IDENTITY.stubFor(get("/v3/api-docs").willReturn(okJson(ApiDocsFixtures.document("identity"))));
    TICKETS.stubFor(get("/v3/api-docs").willReturn(okJson(ApiDocsFixtures.document("ticket"))));
    COMMENTS.stubFor(get("/v3/api-docs").willReturn(okJson(ApiDocsFixtures.document("comment"))));
  }

  @Test
  void asksTheServicesOnlyWhenFirstAskedThenServesTheCachedDocument() {
    MergedApiDocs docs = docs(Duration.ofHours(1), TICKETS.baseUrl());
    assertThat(fetches()).isZero();

    ObjectNode first = docs.document().block();
    ObjectNode second = docs.document().block();

    assertThat(fetches()).isEqualTo(3);
    assertThat(second).isEqualTo(first);
    assertThat(servicePaths(first)).hasSize(7);
  }

  @Test
  void asksAgainOnceTheCachedDocumentIsOld() {
    MergedApiDocs docs = docs(Duration.ZERO, TICKETS.baseUrl());

    docs.document().block();
    docs.document().block();

    assertThat(fetches()).isEqualTo(6);
  }

  @Test
  void leavesOutServicesThatAreDownFailingSlowOrNotOpenApi() {
    IDENTITY.stubFor(get("/v3/api-docs").willReturn(aResponse().withStatus(500)));
    COMMENTS.stubFor(
        get("/v3/api-docs").willReturn(okJson("{\"openapi\":\"3.1.0\"}").withFixedDelay(3_000)));
    String down = "http://127.0.0.1:" + TcpProxy.freePort();

    ObjectNode merged = docs(Duration.ZERO, down).document().block();

    assertThat(merged.at("/info/description").asString())
        .contains("missing: identity, tickets, comments");
    assertThat(servicePaths(merged)).isEmpty();

    IDENTITY.stubFor(get("/v3/api-docs").willReturn(okJson("[\"not\", \"openapi\"]")));
    COMMENTS.stubFor(
        get("/v3/api-docs").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ObjectNode again = docs(Duration.ZERO, TICKETS.baseUrl()).document().block();

    assertThat(again.at("/info/description").asString()).contains("missing: identity, comments");
    assertThat(servicePaths(again)).containsExactlyInAnyOrder("/api/tickets", "/api/tickets/{id}");
  }

  /** The paths from the services' documents (the gateway's own /api/ops ones are always there). */
  private static java.util.List<String> servicePaths(ObjectNode merged) {
    return merged.get("paths").propertyNames().stream()
        .filter(path -> !path.startsWith("/api/ops/"))
        .toList();
  }

  private static MergedApiDocs docs(Duration cacheFor, String tickets) {
    return new MergedApiDocs(
        ApiDocsFixtures.routes(IDENTITY.baseUrl(), tickets, COMMENTS.baseUrl()),
        new OpenApiProperties(
            List.of("identity", "tickets", "comments"), Duration.ofMillis(800), cacheFor, "/"),
        JsonMapper.shared());
  }

  private static int fetches() {
    return List.of(IDENTITY, TICKETS, COMMENTS).stream()
        .mapToInt(service -> service.findAll(getRequestedFor(urlEqualTo("/v3/api-docs"))).size())
        .sum();
  }
}
