package com.ticketbounty.eventruntime.spring.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The guard sits on the routes: a request reaches an operations handler only through the service's
 * access decision, whichever spelling of the path WebFlux matched to the route, and a service that
 * configures no access refuses everyone.
 */
class OperationsGuardTest {
  private static final List<String> SPELLINGS =
      List.of(
          "/internal/runtime/events",
          "/%69nternal/runtime/events",
          "/internal/%72untime/%65vents",
          "/internal;/runtime/events",
          "/internal;x=1/runtime;y=2/events;z=3",
          "//internal/runtime/events",
          "/internal//runtime/events",
          "/internal/./runtime/events",
          "/api/../internal/runtime/events",
          "/api/%2e%2e/internal/runtime/events",
          "/internal%2Fruntime%2Fevents",
          "/Internal/Runtime/Events",
          "/INTERNAL/RUNTIME/EVENTS",
          "/internal/runtime/events/");

  private final AtomicInteger handled = new AtomicInteger();

  @Test
  void noSpellingReachesTheHandlerWithoutAnAdmission() {
    WebTestClient client = clientGuardedBy(new TestAccess());

    for (String path : SPELLINGS) {
      for (String authorization : new String[] {"", TestAccess.USER, "Bearer forged"}) {
        int status =
            client
                .post()
                .uri(URI.create(path))
                .headers(h -> h.set("Authorization", authorization))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
        assertThat(status).as("%s with '%s'", path, authorization).isIn(401, 403, 404);
      }
    }
    assertThat(handled).hasValue(0);
  }

  @Test
  void anAdmittedCallerReachesTheHandler() {
    clientGuardedBy(new TestAccess())
        .post()
        .uri("/internal/runtime/events")
        .header("Authorization", TestAccess.ADMIN)
        .exchange()
        .expectStatus()
        .isAccepted();
    assertThat(handled).hasValue(1);
  }

  @Test
  void aServiceWithoutAccessRefusesEvenWhatLooksLikeAnAdmin() {
    clientGuardedBy(OperationsAccess.CLOSED)
        .post()
        .uri("/internal/runtime/events")
        .header("Authorization", TestAccess.ADMIN)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.FORBIDDEN)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("no OperationsAccess"));
    assertThat(handled).hasValue(0);
  }

  @Test
  void anUnauthenticatedAnswerNamesTheScheme() {
    clientGuardedBy(new TestAccess())
        .post()
        .uri("/internal/runtime/events")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer")
        .expectHeader()
        .contentType("application/problem+json");
  }

  private WebTestClient clientGuardedBy(OperationsAccess access) {
    RouterFunction<ServerResponse> routes =
        RouterFunctions.route()
            .POST(
                EventRuntimeOperationsAutoConfiguration.ROOT + "/events",
                request -> {
                  handled.incrementAndGet();
                  return ServerResponse.accepted().build();
                })
            .build();
    return WebTestClient.bindToRouterFunction(new OperationsGuard(access).guard(routes)).build();
  }
}
