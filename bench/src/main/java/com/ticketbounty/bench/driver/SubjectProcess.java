package com.ticketbounty.bench.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A subject's JVM (SubjectMain): same java binary and heap for every subject; stdout carries the
 * protocol (read on a thread of its own), stderr goes to the phase's log file.
 */
final class SubjectProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private final CompletableFuture<String> done = new CompletableFuture<>();
  private volatile @Nullable Completions completions;

  private SubjectProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread reader = new Thread(this::read, "subject-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static SubjectProcess launch(SubjectSpec spec, Map<String, String> args, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC"));
    // For profiling a subject, e.g. BENCH_SUBJECT_JAVA_OPTS=-XX:StartFlightRecording=filename=x.jfr
    // (each subject JVM then records its own phase; %p in the name keeps them apart).
    String extra = System.getenv("BENCH_SUBJECT_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", spec.classpath().joined()));
    command.add("com.ticketbounty.bench.subject.SubjectMain");
    command.add("kind=" + spec.kind());
    spec.args().forEach((key, value) -> command.add(key + "=" + value));
    args.forEach((key, value) -> command.add(key + "=" + value));
    java.nio.file.Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    return new SubjectProcess(process, log);
  }

  long pid() {
    return process.pid();
  }

  /** Where completions go from now on. */
  void feed(Completions target) {
    completions = target;
  }

  /** Waits for {@code READY <queue>}; fails naming the log when the subject died first. */
  String awaitReady(Duration timeout) throws InterruptedException {
    return await(ready, timeout, "get ready");
  }

  String awaitDone(Duration timeout) throws InterruptedException {
    return await(done, timeout, "finish");
  }

  private String await(CompletableFuture<String> line, Duration timeout, String what)
      throws InterruptedException {
    try {
      return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "the subject (pid %d) did not %s within %s%s; see %s"
              .formatted(
                  process.pid(),
                  what,
                  timeout,
                  process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")",
                  log),
          e);
    }
  }

  void tell(String command) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private void read() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("C ")) {
          int space = line.indexOf(' ', 2);
          Completions target = completions;
          if (target != null && space > 0) {
            target.completed(
                Integer.parseInt(line.substring(2, space)),
                Long.parseLong(line.substring(space + 1)));
          }
        } else if (line.startsWith("READY ")) {
          ready.complete(line.substring(6));
        } else if (line.startsWith("DONE ")) {
          done.complete(line.substring(5));
        }
      }
    } catch (IOException | RuntimeException e) {
      ready.completeExceptionally(e);
    }
    IllegalStateException ended = new IllegalStateException("the subject's output ended");
    ready.completeExceptionally(ended);
    done.completeExceptionally(ended);
  }

  /** Asks for a graceful stop, then kills the JVM if it has not exited within 30 s. */
  @Override
  public void close() throws InterruptedException {
    try {
      tell("STOP");
      process.getOutputStream().close();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
