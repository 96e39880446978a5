package com.ticketbounty.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.eventruntime.spi.RunRecord;
import com.ticketbounty.eventruntime.spi.RunStatus;
import com.ticketbounty.eventruntime.test.TestRuntime;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.notification.application.InMemoryEmailSender.Sent;
import com.ticketbounty.notification.domain.NotificationPreference;
import com.ticketbounty.notification.domain.Recipient;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code email-verification-code}, {@code password-reset} and {@code password-changed}: security
 * e-mails, sent to a recipient who turned notifications off, with no unsubscribe, their secrets
 * neither in the run's recorded event nor in a step's result.
 */
class SecurityEmailFunctionsTest {
  private static final Instant EXPIRES = Instant.parse("2030-01-01T00:10:00Z");

  private final TestRuntime runtime = new TestRuntime();
  private Workflows w;
  private Recipient off;

  @BeforeEach
  void register() {
    w = new Workflows(runtime);
    off = w.recipients.add("quiet", NotificationPreference.OFF);
    runtime.register(
        new EmailVerificationCodeFunction(w.security(), Workflows.RETRIES).function(),
        new PasswordResetFunction(w.security(), Workflows.RETRIES).function(),
        new PasswordChangedFunction(w.security(), Workflows.RETRIES).function());
  }

  @Test
  void emailsTheVerificationCodeWhateverThePreference() {
    runtime.send(
        new EmailVerificationCodeRequested(
            off.userId(), off.email(), off.username(), "QWERTYUI", EXPIRES));

    RunRecord run = runtime.onlyRun(EmailVerificationCodeFunction.ID);
    Sent sent = onlyEmail();
    assertThat(sent.idempotencyKey())
        .isEqualTo(Workflows.stepKey(run, "send-verification-code") + ":" + off.userId());
    assertThat(sent.email().subject()).isEqualTo("Your TicketBounty verification code");
    assertThat(sent.email().text()).contains("QWERTYUI", "2030-01-01 00:10 UTC");
    assertThat(sent.email().headers()).isEmpty();
    assertThat(sent.email().text()).doesNotContain("/settings/notifications");
    assertKeptSecret(run, "QWERTYUI");
  }

  @Test
  void emailsTheResetLinkWhateverThePreference() {
    String link = Workflows.APP + "/password/reset?token=s3cr3t-t0k3n";

    runtime.send(new PasswordResetRequested(off.userId(), off.email(), link, EXPIRES));

    RunRecord run = runtime.onlyRun(PasswordResetFunction.ID);
    Sent sent = onlyEmail();
    assertThat(sent.idempotencyKey())
        .isEqualTo(Workflows.stepKey(run, "send-reset-link") + ":" + off.userId());
    assertThat(sent.email().to()).containsExactly(off.email());
    assertThat(sent.email().text()).contains(link);
    assertThat(sent.email().html()).contains("href=\"" + link.replace("=", "&#x3D;") + "\"");
    assertThat(sent.email().headers()).isEmpty();
    assertKeptSecret(run, "s3cr3t-t0k3n");
  }

  @Test
  void tellsTheOwnerThatThePasswordChangedGreetingThemByName() {
    runtime.send(new PasswordChanged(off.userId(), "current@example.com", "changed", EXPIRES));

    RunRecord run = runtime.onlyRun(PasswordChangedFunction.ID);
    Sent sent = onlyEmail();
    assertThat(sent.idempotencyKey())
        .isEqualTo(Workflows.stepKey(run, "send-password-changed") + ":" + off.userId());
    assertThat(sent.email().to()).containsExactly("current@example.com");
    assertThat(sent.email().subject()).isEqualTo("Your TicketBounty password was changed");
    assertThat(sent.email().text()).contains("Hello quiet,", "was changed at 2030-01-01 00:10");
  }

  private Sent onlyEmail() {
    assertThat(w.emails.sent()).hasSize(1);
    return w.emails.sent().get(0);
  }

  private void assertKeptSecret(RunRecord run, String secret) {
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.event()).doesNotContain(secret).contains("$enc");
    assertThat(runtime.steps(run.id()))
        .allSatisfy(step -> assertThat(String.valueOf(step.memo())).doesNotContain(secret));
  }
}
