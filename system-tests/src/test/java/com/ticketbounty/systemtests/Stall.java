package com.ticketbounty.systemtests;

import com.ticketbounty.testsupport.ProcessSignals;
import java.io.IOException;

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
    ProcessSignals.send(process, "STOP");
    return new Stall(process);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (!resumed) {
      ProcessSignals.send(process, "CONT");
      resumed = true;
    }
  }
}
