package com.ticketbounty.notification.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.events.ticket.TicketCreatedV2;
import com.ticketbounty.notification.endtoend.RunningNotificationService.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code comment-posted} at the service level: the ticket and its earlier comments reach the
 * participants read model through their own queues, and a new comment tells the owner and every
 * earlier commenter once each, never the commenter.
 */
@ExtendWith(NotificationServiceExtension.class)
class CommentNotificationsEndToEndTest {
  private final RunningNotificationService service;

  CommentNotificationsEndToEndTest(RunningNotificationService service) {
    this.service = service;
  }

  @Test
  void tellsTheOwnerAndEarlierCommentersOnceEachNeverTheCommenter() {
    Account owner = service.account("owner", "immediate", "USER", true);
    Account ada = service.account("ada", "immediate", "USER", true);
    Account bob = service.account("bob", "immediate", "USER", true);
    Account cy = service.account("cy", "immediate", "USER", true);
    UUID ticket = UUID.randomUUID();
    String title = "Fix the login page " + ticket;
    service.publish(
        new TicketCreatedV2(
            ticket, owner.userId(), title, "Steps", "low", LocalDate.now().plusDays(7), 5_000));
    Instant start = Instant.now().minusSeconds(60);
    // Earlier comments: ada twice, bob, and the owner.
    List<Account> earlier = List.of(ada, bob, owner, ada);
    for (int i = 0; i < earlier.size(); i++) {
      service.publish(comment(ticket, owner, earlier.get(i), "Earlier " + i, start.plusSeconds(i)));
    }
    await()
        .atMost(RunningNotificationService.PATIENCE)
        .until(
            () ->
                service
                            .jdbc()
                            .sql("SELECT count(*) FROM ticket_comments WHERE ticket_id = ?")
                            .param(ticket)
                            .query(Long.class)
                            .single()
                        == earlier.size()
                    && service
                            .jdbc()
                            .sql("SELECT count(*) FROM known_tickets WHERE ticket_id = ?")
                            .param(ticket)
                            .query(Long.class)
                            .single()
                        == 1);

    EventEnvelope posted =
        service.publish(comment(ticket, owner, cy, "I can reproduce it", start.plusSeconds(30)));

    UUID runId = RunningNotificationService.runId("comment-posted", posted.id());
    service.awaitRun(runId, "completed");
    List<LoggedRequest> emails = service.emailsOfRun(runId);
    assertThat(emails)
        .extracting(request -> request.getHeader("Idempotency-Key"))
        .containsExactlyInAnyOrder(
            runId + ":notify-author:" + owner.userId(),
            runId + ":notify-watchers:" + ada.userId(),
            runId + ":notify-watchers:" + bob.userId());
    assertThat(emails)
        .extracting(LoggedRequest::getBodyAsString)
        .allSatisfy(
            body ->
                assertThat(body)
                    .contains(title, "I can reproduce it")
                    .contains(RunningNotificationService.APP + "/tickets/" + ticket)
                    .doesNotContain(cy.email()));
    assertThat(service.emailsTo(owner.email()))
        .filteredOn(r -> r.getBodyAsString().contains("I can reproduce it"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.getBodyAsString()).contains("New comment on your ticket: " + title));
  }

  private static CommentPosted comment(
      UUID ticket, Account owner, Account author, String content, Instant at) {
    return new CommentPosted(
        UUID.randomUUID(), ticket, owner.userId(), author.userId(), content, at);
  }
}
