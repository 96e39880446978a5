package com.ticketbounty.notification.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.events.admin.UrgentTicketCreated;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.notification.domain.TrackedEvent;
import com.ticketbounty.notification.endtoend.RunningNotificationService.Account;
import com.ticketbounty.serviceweb.security.EndedSessions;
import com.ticketbounty.testsupport.EventTap;
import com.ticketbounty.testsupport.TestIdentity.TestUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code app/ticket.created} 2.0 published to the exchange as ticket-service's relay would
 * (DESIGN.md §4) becomes one confirmation e-mail to the address the recipients read model learnt
 * from {@code app/account.created}; an urgent one also becomes {@code
 * app/admin.urgent-ticket-created}, a Slack message and an analytics call, all listed with their
 * steps by the operations API.
 */
@ExtendWith(NotificationServiceExtension.class)
class TicketConfirmationEndToEndTest {
  private final RunningNotificationService service;
  private Account owner;

  TicketConfirmationEndToEndTest(RunningNotificationService service) {
    this.service = service;
  }

  @BeforeEach
  void owner() {
    owner = service.account("ada", "immediate", "USER", true);
  }

  @Test
  void emailsTheOwnerOnceWhenATicketIsCreated() {
    TicketCreatedV2 ticket = ticket("Fix the login page " + UUID.randomUUID(), "medium");

    EventEnvelope event = service.publish(ticket);
    UUID runId = RunningNotificationService.runId("ticket-created", event.id());
    service.awaitRun(runId, "completed");

    List<LoggedRequest> emails = service.emailsTo(owner.email());
    assertThat(emails).hasSize(1);
    LoggedRequest email = emails.get(0);
    assertThat(email.getHeader("Authorization")).isEqualTo("Bearer re_test_key");
    assertThat(email.getHeader("Idempotency-Key"))
        .isEqualTo(runId + ":send-confirmation:" + owner.userId());
    assertThat(email.getBodyAsString())
        .contains(ticket.title())
        .contains(RunningNotificationService.APP + "/tickets/" + ticket.ticketId())
        .contains(RunningNotificationService.APP + "/settings/notifications");
  }

  @Test
  void sendsOneEmailWhenTheSameEventArrivesTwice() {
    EventEnvelope event = service.publish(ticket("Duplicate delivery", "low"));
    service.awaitRun(RunningNotificationService.runId("ticket-created", event.id()), "completed");

    service.publish(event);
    // One consumer thread takes the queue's deliveries in order: once the marker's run exists,
    // the duplicate before it was taken in (and found its run).
    EventEnvelope marker = service.publish(ticket("Marker", "low"));
    service.awaitRun(RunningNotificationService.runId("ticket-created", marker.id()), "completed");

    assertThat(service.emailsTo(owner.email()))
        .filteredOn(r -> r.getBodyAsString().contains("Duplicate delivery"))
        .hasSize(1);
  }

  @Test
  void deadLettersAMessageThatIsNotAnEventAndKeepsSending() {
    UUID poison = UUID.randomUUID();
    service.publishRaw(poison, TicketCreated.NAME, "this is not JSON");
    EventEnvelope next = service.publish(ticket("After the poison", "low"));

    service.awaitRun(RunningNotificationService.runId("ticket-created", next.id()), "completed");
    assertThat(service.emailsTo(owner.email())).hasSize(1);
    await()
        .atMost(RunningNotificationService.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(service.deadLetters().path("list"))
                    .anySatisfy(
                        letter -> {
                          assertThat(letter.path("messageId").asString())
                              .isEqualTo(poison.toString());
                          assertThat(letter.path("queue").asString())
                              .isEqualTo(service.queue("ticket-created"));
                        }));
  }

  @Test
  void announcesAnUrgentTicketTracksItAndListsTheRunsAndSteps() throws Exception {
    try (EventTap tap = service.tap(UrgentTicketCreated.NAME)) {
      TicketCreatedV2 urgent = ticket("Server room flooded " + UUID.randomUUID(), "urgent");

      EventEnvelope event = service.publish(urgent);

      UUID runId = RunningNotificationService.runId("ticket-created", event.id());
      JsonNode run = service.awaitRun(runId, "completed");
      assertThat(run.path("steps"))
          .extracting(step -> step.path("id").asString() + "=" + step.path("status").asString())
          .containsExactly(
              "send-confirmation=completed", "notify-urgent=completed", "track-creation=completed");
      EventTap.Received announced =
          tap.awaitOne(
              UrgentTicketCreated.NAME,
              data -> data.path("ticketId").asString("").equals(urgent.ticketId().toString()));
      assertThat(announced.data().path("ticketId").asString())
          .isEqualTo(urgent.ticketId().toString());
      UUID urgentRun =
          RunningNotificationService.runId(
              "urgent-ticket", UUID.fromString(announced.body().path("id").asString()));
      assertThat(service.awaitRun(urgentRun, "completed").path("steps"))
          .extracting(step -> step.path("id").asString())
          .containsExactly("notify-admins");
      assertThat(service.emailsTo(owner.email())).hasSize(1);
      assertThat(service.chat().slack())
          .filteredOn(text -> text.contains(urgent.title()))
          .singleElement()
          .asString()
          .contains(RunningNotificationService.APP + "/tickets/" + urgent.ticketId());
      assertThat(service.chat().tracked())
          .filteredOn(t -> t.properties().get("ticketId").equals(urgent.ticketId().toString()))
          .singleElement()
          .extracting(TrackedEvent::messageId)
          .isEqualTo(runId + ":track-creation");
    }
  }

  @Test
  void letsOnlyALiveAdministratorOperateItsRuntime() {
    TestUser admin = service.identity().admin("operator");

    expectRuns(admin.bearer(), 200);
    expectRuns(service.identity().user("ada").bearer(), 403);
    expectRuns(null, 401);
    expectRuns(service.identity().serviceBearer("comment-service"), 403);

    service.bean(EndedSessions.class).end(admin.sessionId(), Instant.now().plusSeconds(900));
    expectRuns(admin.bearer(), 401);
  }

  @Test
  void reportsItselfHealthyOnTheManagementPortOnly() {
    WebTestClient.bindToServer()
        .baseUrl(service.baseUrl())
        .build()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isNotFound();
    WebTestClient.bindToServer()
        .baseUrl(service.managementUrl())
        .build()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  private void expectRuns(String bearer, int status) {
    WebTestClient.bindToServer()
        .baseUrl(service.baseUrl())
        .build()
        .get()
        .uri("/internal/runtime/runs")
        .headers(
            headers -> {
              if (bearer != null) {
                headers.set("Authorization", bearer);
              }
            })
        .exchange()
        .expectStatus()
        .isEqualTo(status);
  }

  private TicketCreatedV2 ticket(String title, String priority) {
    return new TicketCreatedV2(
        UUID.randomUUID(),
        owner.userId(),
        title,
        "Steps to reproduce: none yet.",
        priority,
        LocalDate.now().plusDays(7),
        5_000);
  }
}
