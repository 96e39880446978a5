package com.ticketbounty.reliability.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An e-mail provider answering as Resend does ({@code POST /emails}, DESIGN.md §9) that journals
 * every request — its {@code Idempotency-Key}, recipient, subject and text — with the status it
 * answered. It can be switched to slow (each answer held {@link #SLOW}) or failing (500), and back
 * to healthy. The journal is the suite's ground truth for side effects: an e-mail counts once per
 * distinct idempotency key among the requests answered 200. It also counts, per recipient, the most
 * requests it was handling at once, and can hold one recipient's answers: with a hold longer than a
 * send, that count is how many of the recipient's e-mails the senders had in flight together (a
 * concurrency limit, counted where the side effect happens).
 */
public final class RecordingProvider implements AutoCloseable {
  /** How long a slow provider holds each answer. */
  public static final Duration SLOW = Duration.ofSeconds(2);

  public enum Mode {
    HEALTHY,
    SLOW,
    FAILING
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<Delivery> journal = new ArrayList<>();
  private final Map<String, Duration> holds = new ConcurrentHashMap<>();
  private final Map<String, Integer> handling = new HashMap<>();
  private final Map<String, Integer> mostAtOnce = new HashMap<>();
  private volatile Mode mode = Mode.HEALTHY;

  private RecordingProvider(HttpServer server) {
    this.server = server;
  }

  public static RecordingProvider start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    RecordingProvider provider = new RecordingProvider(server);
    server.createContext("/emails", provider::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return provider;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized void switchTo(Mode next) {
    mode = next;
  }

  /**
   * Switches to {@code next} only if it is still {@code expected} (a late timer changes nothing).
   */
  public synchronized void switchFrom(Mode expected, Mode next) {
    if (mode == expected) {
      mode = next;
    }
  }

  /** Holds every answer to {@code recipient} for {@code hold} (on top of a slow provider's). */
  public void hold(String recipient, Duration hold) {
    holds.put(recipient, hold);
  }

  /** The most requests to {@code recipient} this provider was handling at the same time. */
  public synchronized int mostAtOnce(String recipient) {
    return mostAtOnce.getOrDefault(recipient, 0);
  }

  /** Every request so far, in the order they arrived. */
  public synchronized List<Delivery> journal() {
    return List.copyOf(journal);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      JsonNode email = JSON.readTree(body);
      String recipient = email.path("to").path(0).asString("");
      Mode now = mode;
      int status = now == Mode.FAILING ? 500 : 200;
      arrived(recipient);
      try {
        if (now == Mode.SLOW) {
          sleep(SLOW);
        }
        Duration hold = holds.get(recipient);
        if (hold != null) {
          sleep(hold);
        }
        record(exchange, email, status);
      } finally {
        answered(recipient);
      }
      byte[] answer =
          (status == 200 ? "{\"id\":\"faults\"}" : "{\"message\":\"provider outage\"}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  private synchronized void arrived(String recipient) {
    int now = handling.merge(recipient, 1, Integer::sum);
    mostAtOnce.merge(recipient, now, Math::max);
  }

  private synchronized void answered(String recipient) {
    handling.merge(recipient, -1, Integer::sum);
  }

  private void record(HttpExchange exchange, JsonNode email, int status) {
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    Delivery delivery =
        new Delivery(
            Instant.now(),
            status,
            key == null ? "" : key,
            email.path("to").path(0).asString(""),
            email.path("subject").asString(""),
            email.path("text").asString(""));
    synchronized (this) {
      journal.add(delivery);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
