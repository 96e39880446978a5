package com.ticketbounty.reliability.faults;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls of API.md the suite's load makes through the gateway, as a frontend makes them. Given
 * several gateways (replicas), it spreads the calls over them in turn and, as a load balancer with
 * passive health checks does, takes a call a gateway refused to connect to to the next one: nothing
 * was sent, so nothing can be done twice. A call cut off after it was sent is not repeated.
 */
final class Frontend {
  static final String PASSWORD = "faults-password-1";
  static final String NEW_PASSWORD = "faults-password-2";
  static final String DOMAIN = "faults.example";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A call's answer: its status (0 when none came) and body. */
  record Answer(int status, JsonNode body) {
    static final Answer NONE = new Answer(0, JSON.nullNode());

    String text(String pointer) {
      return body.at(pointer).asString("");
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<String> gateways;
  private final AtomicInteger turn = new AtomicInteger();

  Frontend(String gateway) {
    this(List.of(gateway));
  }

  Frontend(List<String> gateways) {
    if (gateways.isEmpty()) {
      throw new IllegalArgumentException("no gateway");
    }
    this.gateways = List.copyOf(gateways);
  }

  CompletableFuture<Answer> signUp(String username) {
    return call(
        request("/api/auth/sign-up", "")
            .post(
                body(
                    Map.of("username", username, "email", email(username), "password", PASSWORD))));
  }

  CompletableFuture<Answer> changePassword(String accessToken) {
    return call(
        request("/api/account/password", accessToken)
            .put(body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))));
  }

  CompletableFuture<Answer> openTicket(String accessToken, String title, boolean urgent) {
    return call(
        request("/api/tickets", accessToken)
            .post(
                body(
                    Map.of(
                        "title",
                        title,
                        "content",
                        "Opened by the fault suite.",
                        "deadline",
                        LocalDate.now().plusDays(30).toString(),
                        "bounty",
                        1500,
                        "priority",
                        urgent ? "urgent" : "low"))));
  }

  CompletableFuture<Answer> comment(String accessToken, String ticketId, String content) {
    return call(
        request("/api/tickets/%s/comments".formatted(ticketId), accessToken)
            .post(body(Map.of("content", content))));
  }

  CompletableFuture<Answer> get(String path, String accessToken) {
    return call(request(path, accessToken).get());
  }

  /** Any call with a JSON body; an empty token sends none. */
  CompletableFuture<Answer> send(
      String method, String path, String accessToken, Map<String, Object> fields) {
    return call(request(path, accessToken).method(method, body(fields)));
  }

  static String email(String username) {
    return username + "@" + DOMAIN;
  }

  /** A request to {@code path} on no gateway yet: {@link #call} names the gateway. */
  private Request request(String path, String accessToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder().timeout(TIMEOUT).header("Content-Type", "application/json");
    if (!accessToken.isEmpty()) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return new Request(path, request);
  }

  private record Request(String path, HttpRequest.Builder builder) {
    Request post(HttpRequest.BodyPublisher body) {
      builder.POST(body);
      return this;
    }

    Request put(HttpRequest.BodyPublisher body) {
      builder.PUT(body);
      return this;
    }

    Request get() {
      builder.GET();
      return this;
    }

    Request method(String method, HttpRequest.BodyPublisher body) {
      builder.method(method, body);
      return this;
    }

    HttpRequest to(String gateway) {
      return builder.copy().uri(URI.create(gateway + path)).build();
    }
  }

  private CompletableFuture<Answer> call(Request request) {
    return call(request, Math.floorMod(turn.getAndIncrement(), gateways.size()), 1);
  }

  private CompletableFuture<Answer> call(Request request, int gateway, int attempt) {
    return client
        .sendAsync(request.to(gateways.get(gateway)), HttpResponse.BodyHandlers.ofString())
        .thenApply(reply -> new Answer(reply.statusCode(), parse(reply.body())))
        .handle(
            (answer, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(answer);
              }
              if (refused(error) && attempt < gateways.size()) {
                return call(request, (gateway + 1) % gateways.size(), attempt + 1);
              }
              return CompletableFuture.completedFuture(Answer.NONE);
            })
        .thenCompose(next -> next);
  }

  /** The gateway was not there to connect to: the request never left. */
  private static boolean refused(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return JSON.nullNode();
    }
  }

  private static HttpRequest.BodyPublisher body(Map<String, Object> fields) {
    return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields));
  }
}
