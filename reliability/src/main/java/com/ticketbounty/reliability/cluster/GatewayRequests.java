package com.ticketbounty.reliability.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** The two requests of the run as a frontend sends them through the gateway (API.md). */
final class GatewayRequests {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String gateway;
  private final String deadline = LocalDate.now().plusDays(30).toString();

  GatewayRequests(String gateway) {
    this.gateway = gateway;
  }

  /** {@code POST /api/tickets} titled {@code title}; its confirmation e-mail repeats the title. */
  HttpRequest openTicket(String accessToken, String title) {
    return json(
        "/api/tickets",
        accessToken,
        """
        {"title":"%s","content":"Opened by the scale-out run.","deadline":"%s",\
        "bounty":1500,"priority":"low"}"""
            .formatted(title, deadline));
  }

  /** {@code POST /api/tickets/{id}/comments}; the owner's e-mail repeats the content. */
  HttpRequest comment(String accessToken, UUID ticketId, String content) {
    return json(
        "/api/tickets/" + ticketId + "/comments",
        accessToken,
        JSON.writeValueAsString(java.util.Map.of("content", content)));
  }

  /** Opens one ticket per title, round the accounts, and answers their ids. */
  List<UUID> openTickets(HttpClient client, List<String> accessTokens, List<String> titles)
      throws IOException, InterruptedException {
    List<UUID> ids = new java.util.ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      HttpResponse<String> opened =
          client.send(
              openTicket(accessTokens.get(i % accessTokens.size()), titles.get(i)),
              HttpResponse.BodyHandlers.ofString());
      if (opened.statusCode() != 201) {
        throw new IllegalStateException(
            "opening a ticket answered %d: %s".formatted(opened.statusCode(), opened.body()));
      }
      ids.add(UUID.fromString(JSON.readTree(opened.body()).at("/id").asString()));
    }
    return List.copyOf(ids);
  }

  private HttpRequest json(String path, String accessToken, String body) {
    return HttpRequest.newBuilder(URI.create(gateway + path))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + accessToken)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
