package com.ticketbounty.notification.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * {@code welcome-email} waits {@code WELCOME_EMAIL_DELAY} (15 s here) on a durable timer: the
 * service is stopped and started again while the run sleeps, and the e-mail still goes once, not
 * before the delay.
 */
@ExtendWith(NotificationServiceExtension.class)
class WelcomeEmailEndToEndTest {
  private final RunningNotificationService service;

  WelcomeEmailEndToEndTest(RunningNotificationService service) {
    this.service = service;
  }

  @Test
  void sendsTheWelcomeOnceAfterTheDelayAlsoAcrossARestart() {
    UUID userId = UUID.randomUUID();
    String email = "welcome-" + userId + "@example.com";

    Instant published = Instant.now();
    EventEnvelope event = service.publish(new WelcomeEmailRequested(userId, email, "newbie"));
    UUID runId = RunningNotificationService.runId("welcome-email", event.id());
    JsonNode sleeping = service.awaitRun(runId, "sleeping");
    Instant stoppedAt = Instant.now();
    assertThat(service.emailsTo(email)).isEmpty();

    service.restart();

    JsonNode run = service.awaitRun(runId, "completed");
    LoggedRequest sent = service.emailsTo(email).get(0);
    assertThat(service.emailsTo(email)).hasSize(1);
    assertThat(sent.getHeader("Idempotency-Key"))
        .isEqualTo(runId + ":send-welcome-email:" + userId);
    assertThat(sent.getBodyAsString()).contains("Hello newbie");
    JsonNode delay = step(run, "welcome-delay");
    Instant wakeAt = Instant.parse(delay.path("wakeAt").asString());
    // The wake-up is the delay after the sleep step ran: after the event, before it was recorded.
    assertThat(wakeAt)
        .isBetween(
            event.timestamp().plus(RunningNotificationService.WELCOME_DELAY),
            Instant.parse(delay.path("firstRecordedAt").asString())
                .plus(RunningNotificationService.WELCOME_DELAY));
    // Stopped while it slept: the wake-up was still ahead when the service went down.
    assertThat(step(sleeping, "welcome-delay").path("status").asString()).isNotEqualTo("completed");
    assertThat(stoppedAt).isBefore(wakeAt);
    assertThat(sent.getLoggedDate().toInstant())
        .isAfterOrEqualTo(published.plus(RunningNotificationService.WELCOME_DELAY));
  }

  private static JsonNode step(JsonNode run, String id) {
    for (JsonNode step : run.path("steps")) {
      if (step.path("id").asString().equals(id)) {
        return step;
      }
    }
    throw new AssertionError("run has no step " + id + ": " + run);
  }
}
