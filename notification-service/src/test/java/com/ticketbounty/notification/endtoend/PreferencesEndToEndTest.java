package com.ticketbounty.notification.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.notification.endtoend.RunningNotificationService.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Notification preferences at the service level: daily-digest and off. */
@ExtendWith(NotificationServiceExtension.class)
class PreferencesEndToEndTest {
  private final RunningNotificationService service;

  PreferencesEndToEndTest(RunningNotificationService service) {
    this.service = service;
  }

  @Test
  void givesADailyDigestUserOneBatchEmailWhenTheDigestRuns() {
    Account digest = service.account("digest", "daily-digest", "USER", true);
    Account bob = service.account("bob", "immediate", "USER", true);
    TicketCreatedV2 ticket = ticket(digest, "Batch me " + UUID.randomUUID());
    EventEnvelope created = service.publish(ticket);
    await()
        .atMost(RunningNotificationService.PATIENCE)
        .until(
            () ->
                service
                        .jdbc()
                        .sql("SELECT count(*) FROM known_tickets WHERE ticket_id = ?")
                        .param(ticket.ticketId())
                        .query(Long.class)
                        .single()
                    == 1);
    awaitCompleted("ticket-created", created);
    awaitCompleted(
        "comment-posted",
        service.publish(
            new CommentPosted(
                UUID.randomUUID(),
                ticket.ticketId(),
                digest.userId(),
                bob.userId(),
                "Nice one",
                Instant.now())));
    assertThat(service.emailsTo(digest.email())).isEmpty();

    UUID run = service.trigger("batch-digest");
    service.awaitRun(run, "completed");

    LoggedRequest email = service.emailsTo(digest.email()).get(0);
    assertThat(service.emailsTo(digest.email())).hasSize(1);
    assertThat(email.getBodyAsString())
        .contains("Your TicketBounty digest: 2 notifications")
        .contains("Ticket created: " + ticket.title())
        .contains("New comment on your ticket: " + ticket.title())
        .contains(RunningNotificationService.APP + "/tickets/" + ticket.ticketId());
    assertThat(email.getHeader("Idempotency-Key")).startsWith(run + ":send-digest");

    service.awaitRun(service.trigger("batch-digest"), "completed");
    assertThat(service.emailsTo(digest.email())).hasSize(1);
  }

  @Test
  void givesAnOffUserNothingButSecurityEmails() {
    Account off = service.account("quiet", "off", "USER", true);
    Account bob = service.account("bob", "immediate", "USER", true);
    TicketCreatedV2 ticket = ticket(off, "Silent " + UUID.randomUUID());
    awaitCompleted("ticket-created", service.publish(ticket));
    awaitCompleted(
        "comment-posted",
        service.publish(
            new CommentPosted(
                UUID.randomUUID(),
                ticket.ticketId(),
                off.userId(),
                bob.userId(),
                "Hello?",
                Instant.now())));
    awaitCompleted(
        "ticket-assigned",
        service.publish(
            new TicketAssigned(UUID.randomUUID(), bob.userId(), off.userId(), null, "Yours", 2)));
    Instant soon = Instant.now().plusSeconds(600);
    awaitCompleted(
        "email-verification-code",
        service.publish(
            new EmailVerificationCodeRequested(
                off.userId(), off.email(), off.username(), "QWERTYUI", soon)));
    awaitCompleted(
        "password-reset",
        service.publish(
            new PasswordResetRequested(
                off.userId(), off.email(), RunningNotificationService.APP + "/reset?t=x", soon)));
    awaitCompleted(
        "password-changed",
        service.publish(new PasswordChanged(off.userId(), off.email(), "reset", Instant.now())));

    assertThat(service.emailsTo(off.email()))
        .extracting(LoggedRequest::getBodyAsString)
        .hasSize(3)
        .anySatisfy(body -> assertThat(body).contains("verification code", "QWERTYUI"))
        .anySatisfy(body -> assertThat(body).contains("Reset your TicketBounty password"))
        .anySatisfy(body -> assertThat(body).contains("password was changed"))
        .allSatisfy(body -> assertThat(body).doesNotContain("/settings/notifications"));
  }

  private void awaitCompleted(String function, EventEnvelope event) {
    service.awaitRun(RunningNotificationService.runId(function, event.id()), "completed");
  }

  private static TicketCreatedV2 ticket(Account owner, String title) {
    return new TicketCreatedV2(
        UUID.randomUUID(),
        owner.userId(),
        title,
        "Steps",
        "low",
        LocalDate.now().plusDays(7),
        5_000);
  }
}
