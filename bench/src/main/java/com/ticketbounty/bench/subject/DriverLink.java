package com.ticketbounty.bench.subject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The subject's side of the protocol with the driver: lines on stdout ({@code READY <queue>},
 * {@code C <seq> <epoch micros>} per completed run, {@code DONE …}); the driver's commands on stdin
 * ({@code GO}, {@code STOP}, or stdin closed). Completions are stamped by the caller's thread right
 * after the completion commit and written in batches by a thread of their own, so the hot path
 * never waits for the pipe.
 */
public final class DriverLink implements AutoCloseable {
  private static final long[] STOP = new long[0];

  private final PrintStream out;
  private final LinkedBlockingQueue<long[]> completions = new LinkedBlockingQueue<>();
  private final Thread writer;

  public DriverLink() {
    this.out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    this.writer = new Thread(this::writeCompletions, "driver-link");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Epoch microseconds of the wall clock (the driver compares them with its own). */
  public static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** Run {@code seq}'s completion has committed, now. */
  public void completed(long seq) {
    completions.add(new long[] {seq, nowMicros()});
  }

  public synchronized void say(String line) {
    out.println(line);
    out.flush();
  }

  /** Blocks until the driver sends {@code command} (true) or closes stdin (false). */
  public static boolean await(String command) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.trim().equals(command)) {
        return true;
      }
    }
    return false;
  }

  private void writeCompletions() {
    List<long[]> batch = new ArrayList<>();
    try {
      while (true) {
        long[] first = completions.poll(10, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        completions.drainTo(batch);
        boolean stop = false;
        StringBuilder lines = new StringBuilder();
        for (long[] done : batch) {
          if (done == STOP) {
            stop = true;
          } else {
            lines.append("C ").append(done[0]).append(' ').append(done[1]).append('\n');
          }
        }
        batch.clear();
        synchronized (this) {
          out.print(lines);
          out.flush();
        }
        if (stop) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes the completions still queued, then stops the writer. */
  @Override
  public void close() throws InterruptedException {
    completions.add(STOP);
    writer.join(5_000);
  }
}
