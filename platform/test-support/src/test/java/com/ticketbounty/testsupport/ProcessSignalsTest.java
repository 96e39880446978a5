package com.ticketbounty.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessSignalsTest {

  @Test
  void stopPausesAProcessAndContResumesIt() throws Exception {
    Process sleeping = new ProcessBuilder("sleep", "60").start();
    try {
      ProcessSignals.send(sleeping.toHandle(), "STOP");
      await().atMost(Duration.ofSeconds(5)).until(() -> state(sleeping) == 'T');

      ProcessSignals.send(sleeping.toHandle(), "CONT");
      await().atMost(Duration.ofSeconds(5)).until(() -> state(sleeping) != 'T');
      assertThat(sleeping.isAlive()).isTrue();
    } finally {
      sleeping.destroyForcibly().waitFor();
    }
  }

  @Test
  void aSignalKillRefusesIsReportedWithItsReason() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();

    assertThatThrownBy(() -> ProcessSignals.send(ended.toHandle(), "CONT"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kill -CONT " + ended.pid() + " failed");
  }

  /** The process's state letter in /proc/<pid>/stat: T once stopped, S or R otherwise. */
  private static char state(Process process) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    return stat.charAt(stat.lastIndexOf(')') + 2);
  }
}
