package com.ticketbounty.systemtests;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A process paused with SIGSTOP until {@link #close()} resumes it with SIGCONT, as a long garbage
 * collection, a frozen virtual machine or a starved container pauses it: it keeps its connections,
 * its leases and the messages the broker already delivered to it, and does nothing with them.
 */
final class Stall implements AutoCloseable {
  private final ProcessHandle process;
  private boolean resumed;

  private Stall(ProcessHandle process) {
    this.process = process;
  }

  static Stall of(ProcessHandle process) throws IOException, InterruptedException {
    signal(process, "STOP");
    return new Stall(process);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (!resumed) {
      signal(process, "CONT");
      resumed = true;
    }
  }

  private static void signal(ProcessHandle process, String signal)
      throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
            .redirectErrorStream(true)
            .start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException(
          "kill -"
              + signal
              + " "
              + process.pid()
              + " failed: "
              + new String(kill.getInputStream().readAllBytes()));
    }
  }
}
