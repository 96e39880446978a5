package com.ticketbounty.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's one OpenAPI document holds every public path of API.md, and Swagger UI shows it.
 */
@ExtendWith(SharedSystem.class)
class OpenApiSystemTest {
  /** API.md's auth, account, ticket and comment tables, as OpenAPI writes the paths. */
  private static final List<String[]> PUBLIC_OPERATIONS =
      List.of(
          new String[] {"post", "/api/auth/sign-up"},
          new String[] {"post", "/api/auth/sign-in"},
          new String[] {"post", "/api/auth/refresh"},
          new String[] {"post", "/api/auth/sign-out"},
          new String[] {"post", "/api/auth/password/forgot"},
          new String[] {"post", "/api/auth/password/reset"},
          new String[] {"post", "/api/auth/email/verification"},
          new String[] {"post", "/api/auth/email/verify"},
          new String[] {"get", "/api/account"},
          new String[] {"patch", "/api/account"},
          new String[] {"put", "/api/account/password"},
          new String[] {"get", "/.well-known/jwks.json"},
          new String[] {"get", "/api/tickets"},
          new String[] {"post", "/api/tickets"},
          new String[] {"get", "/api/tickets/{id}"},
          new String[] {"patch", "/api/tickets/{id}"},
          new String[] {"put", "/api/tickets/{id}/status"},
          new String[] {"put", "/api/tickets/{id}/assignee"},
          new String[] {"delete", "/api/tickets/{id}"},
          new String[] {"get", "/api/tickets/{ticketId}/comments"},
          new String[] {"post", "/api/tickets/{ticketId}/comments"},
          new String[] {"patch", "/api/comments/{id}"},
          new String[] {"delete", "/api/comments/{id}"});

  private static final List<String[]> LIMITED_OPERATIONS =
      List.of(
          new String[] {"post", "/api/auth/sign-up"},
          new String[] {"post", "/api/auth/sign-in"},
          new String[] {"post", "/api/auth/password/forgot"},
          new String[] {"post", "/api/auth/password/reset"},
          new String[] {"post", "/api/auth/email/verification"},
          new String[] {"put", "/api/account/password"},
          new String[] {"post", "/api/tickets"},
          new String[] {"post", "/api/tickets/{ticketId}/comments"});

  @Test
  void theMergedDocumentHoldsEveryPublicPath() {
    // A service that does not answer within the gateway's timeout is named in the description and
    // left out of that one answer (never cached), so a loaded machine may need a second asking.
    JsonNode[] answer = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Http.Reply reply = Http.get(SharedSystem.system().gateway() + "/v3/api-docs");
              assertThat(reply.status()).as("%s", reply).isEqualTo(200);
              answer[0] = reply.json();
              assertThat(missingOperations(answer[0]))
                  .as(
                      "operations missing from /v3/api-docs (%s)",
                      answer[0].at("/info/description"))
                  .isEmpty();
            });
    JsonNode document = answer[0];
    assertThat(document.path("openapi").asString()).startsWith("3.1");
    List<String> internal = new ArrayList<>();
    document
        .path("paths")
        .propertyNames()
        .forEach(
            path -> {
              if (path.startsWith("/internal")) {
                internal.add(path);
              }
            });
    assertThat(internal).isEmpty();
    // Every limited operation names its 429 and Retry-After in the one merged document.
    for (String[] limited : LIMITED_OPERATIONS) {
      JsonNode tooMany =
          pathItem(document, limited[1]).path(limited[0]).path("responses").path("429");
      assertThat(tooMany.at("/headers/Retry-After").isMissingNode())
          .as("429 with Retry-After of %s %s", limited[0], limited[1])
          .isFalse();
    }
  }

  private static List<String> missingOperations(JsonNode document) {
    // Path variables may be named differently by each service: {id} and {ticketId} are alike.
    Set<String> documented = new HashSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .propertyNames()
                    .forEach(method -> documented.add(method + " " + anyVariable(path.getKey()))));
    List<String> missing = new ArrayList<>();
    for (String[] operation : PUBLIC_OPERATIONS) {
      if (!documented.contains(operation[0] + " " + anyVariable(operation[1]))) {
        missing.add(operation[0].toUpperCase() + " " + operation[1]);
      }
    }
    return missing;
  }

  /** The document's entry for {@code path}, whatever its variables are named there. */
  private static JsonNode pathItem(JsonNode document, String path) {
    return document.path("paths").properties().stream()
        .filter(entry -> anyVariable(entry.getKey()).equals(anyVariable(path)))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(document.path("paths").path(path));
  }

  private static String anyVariable(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }

  @Test
  void swaggerUiServesTheDocument() throws Exception {
    Http.Reply page = Http.get(SharedSystem.system().gateway() + "/swagger-ui.html");
    Http.Reply followed =
        page.status() / 100 == 3
            ? Http.get(SharedSystem.system().gateway() + page.header("Location"))
            : page;

    assertThat(followed.status()).as("%s", followed).isEqualTo(200);
    assertThat(followed.body()).containsIgnoringCase("swagger");
  }
}
