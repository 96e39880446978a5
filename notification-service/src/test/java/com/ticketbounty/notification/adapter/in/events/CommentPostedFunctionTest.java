package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.notification.application.CommentFacts;
import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.application.TicketFacts;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommentPostedFunctionTest {
  private final TestRuntime runtime = new TestRuntime();
  private static final Instant T = Instant.parse("2030-01-01T10:00:00Z");
  private static final String TITLE = "Fix the login page";

  private Workflows w;
  private Recipient owner;
  private Recipient ada;
  private Recipient bob;
  private Recipient cy;
  private final UUID ticket = UUID.randomUUID();

  @BeforeEach
  void ticketWithEarlierComments() {
    w = new Workflows(runtime);
    owner = w.recipients.add("owner", NotificationPreference.IMMEDIATE);
    ada = w.recipients.add("ada", NotificationPreference.IMMEDIATE);
    bob = w.recipients.add("bob", NotificationPreference.IMMEDIATE);
    cy = w.recipients.add("cy", NotificationPreference.IMMEDIATE);
    w.participants.learn(new TicketFacts(ticket, owner.userId(), TITLE, null, 1, false));
    comment(ada, T.minusSeconds(40));
    comment(bob, T.minusSeconds(30));
    comment(owner, T.minusSeconds(20));
    comment(ada, T.minusSeconds(10));
    runtime.register(w.commentPosted().function());
  }

  @Test
  void tellsTheOwnerAndEachEarlierCommenterOnceNeverTheCommenter() {
    runtime.send(posted(cy, "I can reproduce it <b>here</b>"));

    RunRecord run = runtime.onlyRun(CommentPostedFunction.ID);
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(w.emails.sent())
        .extracting(Sent::to)
        .containsExactlyInAnyOrder(owner.email(), ada.email(), bob.email());
    assertThat(w.emails.sent())
        .extracting(Sent::idempotencyKey)
        .containsExactlyInAnyOrder(
            Workflows.stepKey(run, "notify-author") + ":" + owner.userId(),
            Workflows.stepKey(run, "notify-watchers") + ":" + ada.userId(),
            Workflows.stepKey(run, "notify-watchers") + ":" + bob.userId());
    Sent toOwner = w.emails.sentTo(owner.email()).get(0);
    assertThat(toOwner.email().subject()).isEqualTo("New comment on your ticket: " + TITLE);
    assertThat(toOwner.email().text())
        .contains("cy commented", "I can reproduce it <b>here</b>", "/tickets/" + ticket);
    assertThat(toOwner.email().html()).contains("I can reproduce it &lt;b&gt;here&lt;/b&gt;");
    assertThat(w.emails.sentTo(ada.email()).get(0).email().subject())
        .isEqualTo("New comment on a ticket you commented on: " + TITLE);
  }

  @Test
  void takesNoAuthorStepWhenTheOwnerCommentsAndNeverTellsThemTwice() {
    runtime.send(posted(owner, "Thanks all"));

    RunRecord run = runtime.onlyRun(CommentPostedFunction.ID);
    assertThat(w.stepKeys(run)).containsExactly("notify-watchers");
    assertThat(w.emails.sent())
        .extracting(Sent::to)
        .containsExactlyInAnyOrder(ada.email(), bob.email());
  }

  @Test
  void repeatsTheSameKeysWhenARetriedStepSendsAgain() {
    // The second watcher's provider call fails once: the retry sends to both again.
    Recipient second = ada.userId().compareTo(bob.userId()) < 0 ? bob : ada;
    Recipient first = second == ada ? bob : ada;
    w.emails.failNextTo(second.email(), new EmailNotSentException("503", new RuntimeException()));

    runtime.send(posted(cy, "Again"));
    runtime.advance(Duration.ofMinutes(1));

    RunRecord run = runtime.onlyRun(CommentPostedFunction.ID);
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    String watchers = Workflows.stepKey(run, "notify-watchers");
    assertThat(w.emails.sentTo(first.email()))
        .extracting(Sent::idempotencyKey)
        .containsExactly(watchers + ":" + first.userId(), watchers + ":" + first.userId());
    assertThat(w.emails.sentTo(second.email()))
        .extracting(Sent::idempotencyKey)
        .containsExactly(watchers + ":" + second.userId());
  }

  @Test
  void tellsWatchersAsTheirPreferencesSay() {
    Recipient digest = w.recipients.add("digest", NotificationPreference.DAILY_DIGEST);
    Recipient off = w.recipients.add("off", NotificationPreference.OFF);
    comment(digest, T.minusSeconds(5));
    comment(off, T.minusSeconds(4));

    runtime.send(posted(cy, "Hello"));

    assertThat(w.emails.sentTo(digest.email())).isEmpty();
    assertThat(w.emails.sentTo(off.email())).isEmpty();
    assertThat(w.pending.rows()).extracting(row -> row.userId()).containsExactly(digest.userId());
    assertThat(w.step(runtime.onlyRun(CommentPostedFunction.ID), "notify-watchers").memo())
        .contains(off.userId().toString(), digest.userId().toString());
  }

  @Test
  void tellsNobodyAboutACommentOnADeletedTicket() {
    w.participants.learn(new TicketFacts(ticket, owner.userId(), null, null, 2, true));

    runtime.send(posted(cy, "Too late"));

    assertThat(runtime.onlyRun(CommentPostedFunction.ID).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(w.emails.sent()).isEmpty();
  }

  private void comment(Recipient author, Instant at) {
    w.participants.learn(new CommentFacts(UUID.randomUUID(), ticket, author.userId(), at, false));
  }

  private CommentPosted posted(Recipient author, String content) {
    return new CommentPosted(
        UUID.randomUUID(), ticket, owner.userId(), author.userId(), content, T);
  }
}
