package com.ticketbounty.reliability.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calls of API.md the suite's load makes through the gateway, as a frontend makes them. */
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
  private final String gateway;

  Frontend(String gateway) {
    this.gateway = gateway;
  }

  CompletableFuture<Answer> signUp(String username) {
    return call(
        request("/api/auth/sign-up", "")
            .POST(
                body(
                    Map.of("username", username, "email", email(username), "password", PASSWORD))));
  }

  CompletableFuture<Answer> changePassword(String accessToken) {
    return call(
        request("/api/account/password", accessToken)
            .PUT(body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))));
  }

  CompletableFuture<Answer> openTicket(String accessToken, String title, boolean urgent) {
    return call(
        request("/api/tickets", accessToken)
            .POST(
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
            .POST(body(Map.of("content", content))));
  }

  CompletableFuture<Answer> get(String path, String accessToken) {
    return call(request(path, accessToken).GET());
  }

  /** Any call with a JSON body; an empty token sends none. */
  CompletableFuture<Answer> send(
      String method, String path, String accessToken, Map<String, Object> fields) {
    return call(request(path, accessToken).method(method, body(fields)));
  }

  static String email(String username) {
    return username + "@" + DOMAIN;
  }

  private HttpRequest.Builder request(String path, String accessToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json");
    if (!accessToken.isEmpty()) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return request;
  }

  private CompletableFuture<Answer> call(HttpRequest.Builder request) {
    return client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(reply -> new Answer(reply.statusCode(), parse(reply.body())))
        .exceptionally(error -> Answer.NONE);
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
