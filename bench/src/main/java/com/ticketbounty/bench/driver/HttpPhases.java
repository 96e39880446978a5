package com.ticketbounty.bench.driver;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open-loop HTTP phases against a running system (scenario 5): tickets opened through the gateway
 * until their confirmation e-mail reaches the stub provider, and the ticket list read through the
 * gateway or from ticket-service directly. Same schedule, window and percentiles as the broker
 * phases ({@link OpenLoop}, {@link WindowLatency}).
 */
public final class HttpPhases {
  private static final Logger LOG = LoggerFactory.getLogger(HttpPhases.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FIRST_CONFIRMATION_LIMIT = Duration.ofMinutes(2);

  /** The one list query both targets answer in scenario 5's read phases. */
  public static final String LIST_QUERY = "/api/tickets?size=20";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * Signs {@code count} new accounts up through the gateway (API.md) and answers their access
   * tokens once notification-service knows every account: each account's first ticket's
   * confirmation has reached the stub. (Until {@code app/account.created} arrives, a confirmation
   * is retried with backoff, which would show up as the first phase's latency.)
   */
  public List<String> signUp(RunningSystem system, int count)
      throws IOException, InterruptedException {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add(signUpOne(system));
    }
    awaitFirstConfirmations(system, tokens);
    return List.copyOf(tokens);
  }

  private String signUpOne(RunningSystem system) throws IOException, InterruptedException {
    String name = "bench_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    String body =
        JSON.writeValueAsString(
            Map.of(
                "username",
                name,
                "email",
                name + "@bench.example",
                "password",
                "bench-password-1"));
    HttpResponse<String> reply =
        client.send(
            json(system.gateway() + "/api/auth/sign-up", body).build(),
            HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() != 201) {
      throw new IllegalStateException(
          "sign-up answered %d: %s".formatted(reply.statusCode(), reply.body()));
    }
    return JSON.readTree(reply.body()).at("/accessToken").asString();
  }

  private void awaitFirstConfirmations(RunningSystem system, List<String> tokens)
      throws IOException, InterruptedException {
    String tag = newTag();
    Completions first = new Completions(tokens.size());
    EmailReceipts receipts = new EmailReceipts(system.emails(), tag, first);
    Thread reading = receipts.start();
    try {
      IntFunction<HttpRequest> ticket = ticket(system, tokens, tag, deadline());
      for (int seq = 0; seq < tokens.size(); seq++) {
        HttpResponse<String> opened =
            client.send(ticket.apply(seq), HttpResponse.BodyHandlers.ofString());
        if (opened.statusCode() != 201) {
          throw new IllegalStateException(
              "opening a ticket answered %d: %s".formatted(opened.statusCode(), opened.body()));
        }
      }
      Phases.drain(() -> first.completed() == tokens.size(), FIRST_CONFIRMATION_LIMIT);
      if (first.completed() < tokens.size()) {
        throw new IllegalStateException(
            "%d of %d first confirmation e-mails within %s"
                .formatted(first.completed(), tokens.size(), FIRST_CONFIRMATION_LIMIT));
      }
    } finally {
      receipts.stop();
      reading.join(5_000);
    }
  }

  /**
   * {@code POST /api/tickets} through the gateway at {@code rate}; a ticket is complete when the
   * stub provider receives its confirmation e-mail (so latency spans the gateway, ticket-service,
   * its outbox relay, RabbitMQ and notification-service's {@code ticket-created} function). Ticket
   * {@code seq} is opened by account {@code seq % accessTokens.size()}, so the accounts take turns
   * as a frontend's users would.
   */
  public HttpPhase tickets(
      RunningSystem system, List<String> accessTokens, double rate, Timing timing) {
    String tag = newTag();
    IntFunction<HttpRequest> request = ticket(system, accessTokens, tag, deadline());
    return run(
        "POST /api/tickets → e-mail",
        rate,
        timing,
        request,
        201,
        Optional.of(system.emails()),
        tag);
  }

  /** {@code GET} {@link #LIST_QUERY} on {@code baseUrl} at {@code rate}; complete when answered. */
  public HttpPhase reads(String target, String baseUrl, double rate, Timing timing) {
    IntFunction<HttpRequest> request =
        seq ->
            HttpRequest.newBuilder(URI.create(baseUrl + LIST_QUERY))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
    return run(target, rate, timing, request, 200, Optional.empty(), "");
  }

  private HttpPhase run(
      String target,
      double rate,
      Timing timing,
      IntFunction<HttpRequest> request,
      int expectedStatus,
      Optional<WireMockServer> receipts,
      String tag) {
    LOG.info("{} at {}/s", target, rate);
    double seconds = (timing.warmup().toMillis() + timing.measure().toMillis()) / 1000.0;
    int count = (int) Math.ceil(rate * seconds);
    Completions completions = new Completions(count);
    HttpSender sender =
        new HttpSender(client, request, expectedStatus, receipts.isEmpty(), completions);
    Optional<EmailReceipts> reader = receipts.map(p -> new EmailReceipts(p, tag, completions));
    Optional<Thread> reading = reader.map(EmailReceipts::start);
    try {
      OpenLoop loop = new OpenLoop(rate, count, completions, sender);
      Thread sending = loop.start();
      long from = loop.windowStartMicros(timing);
      long to = loop.windowEndMicros(timing);
      Clocks.sleepUntilMicros(to);
      sending.join(timing.drainLimit().toMillis() + 30_000);
      long drainEnd =
          Phases.drain(
              () -> completions.completed() + sender.failed() >= loop.sent(), timing.drainLimit());
      reader.ifPresent(EmailReceipts::stop);
      if (reading.isPresent()) {
        reading.get().join(5_000);
      }
      WindowLatency latency = WindowLatency.of(completions, loop.sent(), from, to, drainEnd);
      double window = (to - from) / 1e6;
      return new HttpPhase(
          target,
          rate,
          window,
          loop.sent(),
          completions.completed(),
          sender.failed(),
          completions.duplicates(),
          latency.windowEvents(),
          latency.doneInWindow() / window,
          latency.percentileMs(50),
          latency.percentileMs(99),
          latency.percentileMs(99.9),
          latency.maxMs(),
          latency.atLeast(),
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HttpPhase.failed(target, rate, "interrupted");
    } catch (RuntimeException e) {
      LOG.warn("{} at {}/s failed", target, rate, e);
      return HttpPhase.failed(target, rate, String.valueOf(e.getMessage()));
    } finally {
      reader.ifPresent(EmailReceipts::stop);
    }
  }

  /**
   * Tickets titled {@code <tag> <seq>}, which their confirmation e-mail repeats, each opened by the
   * account {@code seq % accessTokens.size()}.
   */
  private static IntFunction<HttpRequest> ticket(
      RunningSystem system, List<String> accessTokens, String tag, String deadline) {
    return seq ->
        json(
                system.gateway() + "/api/tickets",
                """
                {"title":"%s %d","content":"Opened by the bench.","deadline":"%s",\
                "bounty":1500,"priority":"low"}"""
                    .formatted(tag, seq, deadline))
            .header("Authorization", "Bearer " + accessTokens.get(seq % accessTokens.size()))
            .build();
  }

  private static String newTag() {
    return "bench-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
  }

  private static String deadline() {
    return LocalDate.now().plusDays(30).toString();
  }

  private static HttpRequest.Builder json(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }
}
