package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.digest.AdminDigestReady;
import com.ticketbounty.notification.application.AccountChange;
import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.application.ProviderUnavailableException;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code admin-digest-email} and {@code admin-digest-discord}: two independent functions. */
class AdminDigestFunctionsTest {
  private static final AdminDigestReady READY =
      new AdminDigestReady(
          Instant.parse("2029-12-25T00:00:00Z"),
          Instant.parse("2030-01-01T00:00:00Z"),
          120,
          12,
          40,
          4,
          300,
          30);

  private final TestRuntime runtime = new TestRuntime();
  private final Workflows w = new Workflows(runtime);
  private Recipient root;
  private Recipient operator;

  @BeforeEach
  void administrators() {
    root = w.recipients.add("root", NotificationPreference.IMMEDIATE, "ADMIN");
    operator = w.recipients.add("operator", NotificationPreference.IMMEDIATE, "ADMIN");
    w.recipients.add("user", NotificationPreference.IMMEDIATE, "USER");
    w.recipients.learn(
        new AccountChange(
            UUID.randomUUID(), "unverified", "immediate", 1, "unverified@x.io", "ADMIN", false));
    runtime.register(w.adminDigestEmail().function(), w.adminDigestDiscord().function());
  }

  @Test
  void emailsTheFiguresToEveryVerifiedAdministratorAndPostsThemToDiscord() {
    runtime.send(READY);

    RunRecord run = runtime.onlyRun(AdminDigestEmailFunction.ID);
    assertThat(w.emails.sent())
        .extracting(Sent::idempotencyKey)
        .containsExactlyInAnyOrder(
            Workflows.stepKey(run, "email-admins") + ":" + root.userId(),
            Workflows.stepKey(run, "email-admins") + ":" + operator.userId());
    assertThat(w.emails.sentTo(root.email()).get(0).email().text())
        .contains("Tickets:  120 (12", "Users:    40 (4", "Comments: 300 (30");
    assertThat(w.emails.sentTo(root.email()).get(0).email().subject())
        .isEqualTo("TicketBounty admin digest for 2030-01-01");
    assertThat(w.stepKeys(runtime.onlyRun(AdminDigestDiscordFunction.ID)))
        .containsExactly("post-to-discord");
    assertThat(w.chat.discordPosts())
        .singleElement()
        .asString()
        .contains("Tickets: 120 (12 new", "Users: 40 (4 new", "Comments: 300 (30 new");
  }

  @Test
  void retriesEachOnItsOwnWithoutRepeatingTheOther() {
    w.chat.failNextWith(new ProviderUnavailableException("502", new RuntimeException()));
    w.emails.failNextTo(root.email(), new EmailNotSentException("503", new RuntimeException()));

    runtime.send(READY);
    runtime.advance(Duration.ofMinutes(1));

    assertThat(runtime.onlyRun(AdminDigestEmailFunction.ID).status())
        .isEqualTo(RunStatus.COMPLETED);
    assertThat(runtime.onlyRun(AdminDigestDiscordFunction.ID).status())
        .isEqualTo(RunStatus.COMPLETED);
    assertThat(w.chat.discordPosts()).hasSize(1);
    assertThat(w.emails.sentTo(root.email())).hasSize(1);
    // The operator's e-mail went out before the retry too, under the same key each time.
    assertThat(w.emails.sentTo(operator.email()))
        .extracting(Sent::idempotencyKey)
        .containsOnly(w.emails.sentTo(operator.email()).get(0).idempotencyKey());
  }
}
