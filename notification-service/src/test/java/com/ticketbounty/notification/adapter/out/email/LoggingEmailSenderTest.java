package com.ticketbounty.notification.adapter.out.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.notification.domain.Email;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LoggingEmailSenderTest {

  @Test
  void logsRecipientsSubjectAndKeyButNotTheBodies(CapturedOutput output) {
    new LoggingEmailSender()
        .send(
            new Email(
                "noreply@ticketbounty.local",
                List.of("ada@example.com"),
                "Reset your password",
                "<p>https://app.example.com/reset?token=secret-html</p>",
                "https://app.example.com/reset?token=secret-text"),
            "password-reset:event-1");

    assertThat(output.getOut())
        .contains("ada@example.com", "Reset your password", "password-reset:event-1")
        .doesNotContain("secret-html", "secret-text");
  }
}
