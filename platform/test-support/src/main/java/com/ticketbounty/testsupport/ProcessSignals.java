package com.ticketbounty.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Signals to a process by its PID ({@code kill -<signal> <pid>}), for what Java's process API has
 * no call for: pausing (STOP), resuming (CONT), or a JVM's thread dump to its output (QUIT).
 */
public final class ProcessSignals {
  private ProcessSignals() {}

  /**
   * @param signal the signal's name without {@code SIG}, as {@code kill} takes it
   * @throws IllegalStateException when {@code kill} fails or does not end within 10 s
   */
  public static void send(ProcessHandle process, String signal)
      throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
            .redirectErrorStream(true)
            .start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException(
          "kill -%s %d failed: %s"
              .formatted(
                  signal,
                  process.pid(),
                  new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
    }
  }
}
