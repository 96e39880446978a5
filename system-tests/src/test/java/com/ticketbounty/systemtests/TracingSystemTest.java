package com.ticketbounty.systemtests;

import static com.ticketbounty.systemtests.ZipkinTrace.kind;
import static com.ticketbounty.systemtests.ZipkinTrace.named;
import static com.ticketbounty.systemtests.ZipkinTrace.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketbounty.systemtests.Api.Account;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, "It must show" 1: an urgent ticket created through the gateway with the caller's own
 * {@code traceparent} reads back from a real Zipkin as one trace — gateway, ticket-service, the
 * relay's publish, notification-service's consume, both runs, their attempts and steps, and the
 * provider calls as client spans under their steps — with no secret in any span.
 */
@ExtendWith(SharedSystem.class)
class TracingSystemTest {
  private static final String NOTIFICATION = "notification-service";

  @Test
  void anUrgentTicketIsOneTraceFromTheGatewayToTheLastStep() throws Exception {
    Api api = SharedSystem.api();
    Account ada = api.signUp("traced");
    String traceId = hex(16);
    String callerSpan = hex(8);
    Map<String, Object> ticket = new HashMap<>(Api.ticket("Traced flood " + ada.username()));
    ticket.put("priority", "urgent");

    Http.Reply created =
        api.call("POST", "/api/tickets")
            .bearer(ada.accessToken())
            .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
            .json(ticket)
            .send();
    assertThat(created.status()).as("%s", created).isEqualTo(201);

    ZipkinTrace trace =
        awaitTrace(
            traceId,
            // Each process exports its spans in batches of its own: wait for every one asserted.
            t ->
                providerCallUnder(t, "step send-confirmation").isPresent()
                    && providerCallUnder(t, "step notify-admins").isPresent()
                    && t.has(span -> service(span).equals("gateway") && kind(span).equals("CLIENT"))
                    && t.has(
                        span ->
                            service(span).equals("ticket-service") && kind(span).equals("SERVER"))
                    && t.has(named("ticket-service", "publish app/ticket.created"))
                    && t.has(named(NOTIFICATION, "process app/ticket.created")));

    JsonNode gateway =
        trace
            .any(span -> service(span).equals("gateway") && kind(span).equals("SERVER"))
            .orElseThrow();
    assertThat(gateway.path("parentId").asString()).isEqualTo(callerSpan);
    JsonNode ticketServer =
        trace
            .any(span -> service(span).equals("ticket-service") && kind(span).equals("SERVER"))
            .orElseThrow();
    JsonNode proxied = trace.parent(ticketServer).orElseThrow();
    assertThat(service(proxied)).isEqualTo("gateway");
    assertThat(kind(proxied)).isEqualTo("CLIENT");
    assertThat(trace.childOf(proxied, same(gateway))).isTrue();

    JsonNode publish =
        trace.any(named("ticket-service", "publish app/ticket.created")).orElseThrow();
    assertThat(kind(publish)).isEqualTo("PRODUCER");
    assertThat(trace.descendsFrom(publish, ticketServer)).isTrue();
    assertThat(trace.all(named(NOTIFICATION, "process app/ticket.created")))
        .isNotEmpty()
        .allMatch(process -> kind(process).equals("CONSUMER"))
        .anyMatch(process -> trace.descendsFrom(process, publish));

    for (String[] function :
        new String[][] {
          {"ticket-created", "send-confirmation"}, {"urgent-ticket", "notify-admins"}
        }) {
      JsonNode step =
          providerCallUnder(trace, "step " + function[1]).flatMap(trace::parent).orElseThrow();
      JsonNode attempt = trace.parent(step).orElseThrow();
      assertThat(attempt.path("name").asString()).isEqualTo("attempt " + function[0]);
      JsonNode run = trace.parent(attempt).orElseThrow();
      assertThat(run.path("name").asString()).isEqualTo("run " + function[0]);
      assertThat(service(run)).isEqualTo(NOTIFICATION);
      assertThat(trace.ancestors(run))
          .as("%s: caused by a message the relay published", function[0])
          .anyMatch(
              span ->
                  kind(span).equals("PRODUCER") && ZipkinTrace.name(span).startsWith("publish "));
      assertThat(trace.descendsFrom(step, ticketServer)).as(function[0]).isTrue();
      assertThat(trace.descendsFrom(step, gateway)).as(function[0]).isTrue();
    }

    assertThat(trace.tagValues())
        .as("no webhook path, API key or access token in any span")
        .noneMatch(value -> value.contains(Providers.SLACK))
        .noneMatch(value -> value.contains("re_test_key"))
        .noneMatch(value -> value.contains(ada.accessToken()));
  }

  /** A notification-service client span (a provider call) whose parent is the named step. */
  private static Optional<JsonNode> providerCallUnder(ZipkinTrace trace, String step) {
    return trace.any(
        span ->
            service(span).equals(NOTIFICATION)
                && kind(span).equals("CLIENT")
                && trace.childOf(span, named(NOTIFICATION, step)));
  }

  private static Predicate<JsonNode> same(JsonNode span) {
    return other -> other.path("id").equals(span.path("id"));
  }

  private static ZipkinTrace awaitTrace(String traceId, Predicate<ZipkinTrace> complete) {
    String url = SharedSystem.traces().url() + "/api/v2/trace/" + traceId;
    AtomicReference<ZipkinTrace> trace = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              Http.Reply reply = Http.get(url);
              if (reply.status() != 200) {
                return false;
              }
              trace.set(ZipkinTrace.of(reply.json()));
              return complete.test(trace.get());
            });
    return trace.get();
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
