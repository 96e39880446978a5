package com.ticketbounty.notification.adapter.out.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.notification.domain.TrackedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LoggingStandInsTest {

  @Test
  void logsASlackMessageOnOneLine(CapturedOutput output) {
    new LoggingSlackMessages().post("Urgent ticket: Server room flooded\nDeadline 2030-01-31");

    assertThat(linesMentioning(output, "Server room flooded"))
        .singleElement()
        .asString()
        .contains("INFO", "SLACK_WEBHOOK_URL is unset")
        .contains("Urgent ticket: Server room flooded\\nDeadline 2030-01-31");
  }

  @Test
  void logsADiscordMessageOnOneLine(CapturedOutput output) {
    new LoggingDiscordMessages().post("Daily digest\r\n12 tickets");

    assertThat(linesMentioning(output, "Daily digest"))
        .singleElement()
        .asString()
        .contains("INFO", "DISCORD_WEBHOOK_URL is unset", "Daily digest\\r\\n12 tickets");
  }

  @Test
  void logsEverythingAnAnalyticsCollectorWouldReceive(CapturedOutput output) {
    new LoggingAnalytics()
        .track(
            new TrackedEvent(
                "Ticket Created",
                "user-7",
                Map.of("priority", "urgent"),
                "run-1:track-creation",
                Instant.parse("2026-11-27T10:00:00Z")));

    assertThat(linesMentioning(output, "run-1:track-creation"))
        .singleElement()
        .asString()
        .contains("INFO", "ANALYTICS_BASE_URL is unset", "Ticket Created", "user-7")
        .contains("priority=urgent", "2026-11-27T10:00:00Z");
  }

  private static List<String> linesMentioning(CapturedOutput output, String text) {
    return output.getOut().lines().filter(line -> line.contains(text)).toList();
  }
}
