package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WelcomeEmailFunctionTest {
  private static final Duration DELAY = Duration.ofMinutes(15);

  private final TestRuntime runtime = new TestRuntime();
  private final Workflows w = new Workflows(runtime);

  @Test
  void sendsTheWelcomeOnceTheDelayHasPassed() {
    runtime.register(w.welcome(DELAY).function());
    UUID userId = UUID.randomUUID();

    runtime.send(new WelcomeEmailRequested(userId, "new@example.com", "newbie"));

    RunRecord run = runtime.onlyRun(WelcomeEmailFunction.ID);
    assertThat(run.status()).isEqualTo(RunStatus.SLEEPING);
    assertThat(w.step(run, "welcome-delay").wakeAt()).isEqualTo(TestRuntime.EPOCH.plus(DELAY));
    runtime.advance(DELAY.minusSeconds(1));
    assertThat(w.emails.sent()).isEmpty();

    runtime.advance(Duration.ofSeconds(1));

    assertThat(runtime.onlyRun(WelcomeEmailFunction.ID).status()).isEqualTo(RunStatus.COMPLETED);
    Sent sent = w.emails.sent().get(0);
    assertThat(w.emails.sent()).hasSize(1);
    assertThat(sent.to()).isEqualTo("new@example.com");
    assertThat(sent.idempotencyKey())
        .isEqualTo(Workflows.stepKey(run, "send-welcome-email") + ":" + userId);
    assertThat(sent.email().text()).contains("Hello newbie", Workflows.APP + "/");
    assertThat(sent.email().headers()).containsKey("List-Unsubscribe");

    runtime.advance(Duration.ofHours(1));
    assertThat(w.emails.sent()).hasSize(1);
  }

  @Test
  void followsThePreferenceTheAccountHasByThen() {
    runtime.register(w.welcome(DELAY).function());
    Recipient quiet = w.recipients.add("quiet", NotificationPreference.OFF);

    runtime.send(new WelcomeEmailRequested(quiet.userId(), quiet.email(), quiet.username()));
    runtime.advance(DELAY);

    assertThat(runtime.onlyRun(WelcomeEmailFunction.ID).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(w.emails.sent()).isEmpty();
  }
}
