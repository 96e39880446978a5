package com.ticketbounty.reliability.soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls a frontend makes through the gateway (API.md), each sent asynchronously so that a slow
 * answer never holds the open loop back. Answers are given as they come; judging them is the
 * caller's business.
 */
final class GatewayCalls {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String gateway;

  GatewayCalls(String gateway) {
    this.gateway = gateway;
  }

  /** A new account's name, e-mail and password, unique enough for one soak. */
  static Map<String, String> newAccount() {
    String name = "soak_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
    return Map.of("username", name, "email", name + "@soak.example", "password", "soak-pass-0");
  }

  CompletableFuture<HttpResponse<String>> signUp(Map<String, String> account) {
    return send(post("/api/auth/sign-up", JSON.writeValueAsString(account)).build());
  }

  CompletableFuture<HttpResponse<String>> signIn(String email, String password) {
    return send(
        post(
                "/api/auth/sign-in",
                JSON.writeValueAsString(Map.of("email", email, "password", password)))
            .build());
  }

  CompletableFuture<HttpResponse<String>> refresh(String refreshToken) {
    return send(
        post("/api/auth/refresh", JSON.writeValueAsString(Map.of("refreshToken", refreshToken)))
            .build());
  }

  CompletableFuture<HttpResponse<String>> changePassword(Account account, String newPassword) {
    String body =
        JSON.writeValueAsString(
            Map.of("currentPassword", account.password(), "newPassword", newPassword));
    return send(
        request("/api/account/password")
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + account.accessToken())
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  CompletableFuture<HttpResponse<String>> openTicket(Account owner, String priority, int seq) {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "title",
                "Soak ticket " + seq,
                "content",
                "Opened by the soak.",
                "deadline",
                LocalDate.now().plusDays(30).toString(),
                "bounty",
                1500,
                "priority",
                priority));
    return send(
        post("/api/tickets", body)
            .header("Authorization", "Bearer " + owner.accessToken())
            .build());
  }

  CompletableFuture<HttpResponse<String>> comment(Account author, String ticketId, int seq) {
    String body = JSON.writeValueAsString(Map.of("content", "Soak comment " + seq));
    return send(
        post("/api/tickets/" + ticketId + "/comments", body)
            .header("Authorization", "Bearer " + author.accessToken())
            .build());
  }

  CompletableFuture<HttpResponse<String>> get(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build());
  }

  /** A field of a JSON answer, by JSON pointer ({@code /accessToken}). */
  static String field(String body, String pointer) {
    JsonNode node = JSON.readTree(body).at(pointer);
    if (node.isMissingNode() || node.isNull()) {
      throw new IllegalStateException("no %s in %s".formatted(pointer, body));
    }
    return node.asString();
  }

  private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder post(String path, String body) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(REQUEST_TIMEOUT);
  }
}
