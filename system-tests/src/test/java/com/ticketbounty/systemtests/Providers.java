package com.ticketbounty.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The providers of DESIGN.md §9 as the system sees them: one WireMock server answering the e-mail
 * API ({@code /emails}), the Slack and Discord webhooks and the analytics collector ({@code
 * /v1/track}), and what it was sent.
 */
record Providers(WireMockServer server) implements Api.Mailbox {
  static final String SLACK = "/slack/webhook";
  static final String DISCORD = "/discord/webhook";
  static final String TRACK = "/v1/track";
  static final String EMAILS = "/emails";
  static final String APP_BASE_URL = "http://app.system-test.example";

  /** Every provider answering as it does when healthy. */
  static void stubHealthy(WireMockServer server) {
    server.stubFor(
        post(urlEqualTo(EMAILS))
            .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"email-1\"}")));
    server.stubFor(post(urlEqualTo(SLACK)).willReturn(aResponse().withStatus(200).withBody("ok")));
    server.stubFor(post(urlEqualTo(DISCORD)).willReturn(aResponse().withStatus(204)));
    server.stubFor(
        post(urlEqualTo(TRACK))
            .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
  }

  /** One request a provider received, with what it answered. */
  record Call(JsonNode body, String idempotencyKey, int status, Instant at) {
    boolean accepted() {
      return status >= 200 && status < 300;
    }

    /** The e-mail's recipients. */
    List<String> to() {
      return StreamSupport.stream(body.path("to").spliterator(), false)
          .map(JsonNode::asString)
          .toList();
    }

    /** Subject, HTML and text (or a chat message's text), for "mentions" checks. */
    String content() {
      return body.path("subject").asString("")
          + "\n"
          + body.path("html").asString("")
          + "\n"
          + body.path("text").asString("")
          + "\n"
          + body.path("content").asString("");
    }
  }

  List<Call> calls(String path) {
    return server.getAllServeEvents().stream()
        .filter(event -> event.getRequest().getUrl().equals(path))
        .map(Providers::call)
        .sorted(Comparator.comparing(Call::at))
        .toList();
  }

  private static Call call(ServeEvent event) {
    String key = event.getRequest().getHeader("Idempotency-Key");
    return new Call(
        Http.JSON.readTree(event.getRequest().getBodyAsString()),
        key == null ? "" : key,
        event.getResponse().getStatus(),
        event.getRequest().getLoggedDate().toInstant());
  }

  /** The text bodies of the e-mails accepted for {@code address}, oldest first. */
  @Override
  public List<String> texts(String address) {
    return delivered(address, call -> true).stream()
        .map(call -> call.body().path("text").asString(""))
        .toList();
  }

  /** Every e-mail request (also refused attempts) to {@code address}. */
  List<Call> emailsTo(String address) {
    return calls(EMAILS).stream().filter(call -> call.to().contains(address)).toList();
  }

  /** The e-mails accepted for {@code address} that match {@code which}. */
  List<Call> delivered(String address, Predicate<Call> which) {
    return emailsTo(address).stream().filter(Call::accepted).filter(which).toList();
  }

  /** Waits until an e-mail to {@code address} mentioning {@code text} was accepted. */
  Call awaitEmail(String address, String text) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !delivered(address, call -> call.content().contains(text)).isEmpty());
    return delivered(address, call -> call.content().contains(text)).get(0);
  }

  /** Waits until a call to {@code path} mentioning {@code text} was accepted. */
  Call awaitCall(String path, String text) {
    await().atMost(Duration.ofSeconds(60)).until(() -> !accepted(path, text).isEmpty());
    return accepted(path, text).get(0);
  }

  List<Call> accepted(String path, String text) {
    return calls(path).stream()
        .filter(Call::accepted)
        .filter(call -> call.body().toString().contains(text))
        .toList();
  }
}
