package com.ticketbounty.notification.endtoend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.notification.endtoend.RunningNotificationService.Account;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The e-mail provider failing, through the Resend adapter: an outage is retried with the same
 * {@code Idempotency-Key} until one e-mail is accepted; a refusal is not retried, the run fails,
 * and the global failure handler's Slack alert names the function and the run.
 */
@ExtendWith(NotificationServiceExtension.class)
class ProviderFailuresEndToEndTest {
  private final RunningNotificationService service;
  private Account owner;

  ProviderFailuresEndToEndTest(RunningNotificationService service) {
    this.service = service;
  }

  @BeforeEach
  void owner() {
    owner = service.account("ada", "immediate", "USER", true);
  }

  @Test
  void retriesAnOutageWithTheSameKeyUntilOneEmailIsAccepted() {
    String title = "Flaky provider " + UUID.randomUUID();
    String scenario = "flaky-" + title;
    service
        .provider()
        .stubFor(
            post("/emails")
                .withRequestBody(containing(title))
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"oops\"}"))
                .willSetStateTo("failed once"));
    service
        .provider()
        .stubFor(
            post("/emails")
                .withRequestBody(containing(title))
                .inScenario(scenario)
                .whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"oops\"}"))
                .willSetStateTo("failed twice"));
    service
        .provider()
        .stubFor(
            post("/emails")
                .withRequestBody(containing(title))
                .inScenario(scenario)
                .whenScenarioStateIs("failed twice")
                .willReturn(okJson("{\"id\":\"" + UUID.randomUUID() + "\"}")));

    EventEnvelope event = service.publish(ticket(title));

    UUID runId = RunningNotificationService.runId("ticket-created", event.id());
    JsonNode run = service.awaitRun(runId, "completed");
    List<LoggedRequest> attempts = service.emailsTo(owner.email());
    assertThat(attempts).hasSize(3);
    assertThat(attempts)
        .extracting(request -> request.getHeader("Idempotency-Key"))
        .containsOnly(runId + ":send-confirmation:" + owner.userId());
    assertThat(acceptedTo(owner.email())).isEqualTo(1);
    assertThat(run.path("steps"))
        .filteredOn(step -> step.path("id").asString().equals("send-confirmation"))
        .singleElement()
        .satisfies(step -> assertThat(step.path("attempts").asInt()).isEqualTo(3));
  }

  @Test
  void everyFunctionRetriesAProviderOutageForMinutesNotSeconds() {
    // application.yml's notification.provider-steps: the runtime's default gives up after ~15 s,
    // less than the provider's circuit stays open (docs/reliability.md, fault 6).
    RetryPolicy expected = new RetryPolicy(12, Duration.ofSeconds(2), Duration.ofMinutes(2));

    assertThat(service.functions())
        .hasSize(13)
        .allSatisfy(function -> assertThat(function.retryPolicy()).isEqualTo(expected));
    Duration shortest =
        IntStream.rangeClosed(1, expected.retries())
            .mapToObj(attempt -> expected.ceiling(attempt).dividedBy(2))
            .reduce(Duration.ZERO, Duration::plus);
    assertThat(shortest).isGreaterThan(Duration.ofMinutes(5));
  }

  @Test
  void failsTheRunWithoutRetryingARefusalAndAlertsSlack() {
    String title = "Refused " + UUID.randomUUID();
    service
        .provider()
        .stubFor(
            post("/emails")
                .withRequestBody(containing(title))
                .willReturn(
                    aResponse().withStatus(400).withBody("{\"message\":\"invalid `to`\"}")));

    EventEnvelope event = service.publish(ticket(title));

    UUID runId = RunningNotificationService.runId("ticket-created", event.id());
    JsonNode run = service.awaitRun(runId, "failed");
    assertThat(run.path("steps"))
        .filteredOn(step -> step.path("id").asString().equals("send-confirmation"))
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.path("status").asString()).isEqualTo("failed");
              assertThat(step.path("attempts").asInt()).isEqualTo(1);
            });
    assertThat(service.emailsTo(owner.email())).hasSize(1);
    String alert =
        await()
            .atMost(RunningNotificationService.PATIENCE)
            .until(
                () ->
                    service.chat().slack().stream()
                        .filter(text -> text.contains(runId.toString()))
                        .findFirst(),
                found -> found.isPresent())
            .orElseThrow();
    assertThat(alert)
        .contains("ticket-created", "notification-service", "400")
        .contains("app/ticket.created", event.id().toString());
    // The handler's own run completed, and the provider was asked once: no retry, no loop.
    JsonNode handler =
        await()
            .atMost(RunningNotificationService.PATIENCE)
            .until(
                () ->
                    service.runs("function-failed").stream()
                        .map(listed -> service.run(UUID.fromString(listed.path("id").asString())))
                        .filter(r -> r.path("event").toString().contains(runId.toString()))
                        .findFirst(),
                found -> found.isPresent())
            .orElseThrow();
    service.awaitRun(UUID.fromString(handler.path("id").asString()), "completed");
    assertThat(service.emailsTo(owner.email())).hasSize(1);
  }

  private long acceptedTo(String address) {
    return service.provider().getAllServeEvents().stream()
        .filter(e -> e.getRequest().getBodyAsString().contains("\"to\":[\"" + address + "\"]"))
        .map(ServeEvent::getResponse)
        .filter(response -> response.getStatus() / 100 == 2)
        .count();
  }

  private TicketCreatedV2 ticket(String title) {
    return new TicketCreatedV2(
        UUID.randomUUID(),
        owner.userId(),
        title,
        "Steps to reproduce",
        "low",
        LocalDate.now().plusDays(7),
        5_000);
  }
}
