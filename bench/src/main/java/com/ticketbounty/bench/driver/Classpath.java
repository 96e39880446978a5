package com.ticketbounty.bench.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A subject JVM's classpath: the bench's classes and its runtime dependencies (written by the build
 * to {@code bench/target/bench-classpath.txt}), optionally with event-runtime's own jars swapped
 * for those of another revision.
 */
public record Classpath(String label, List<String> entries) {
  static final List<String> RUNTIME_MODULES =
      List.of("event-runtime-core", "event-runtime-postgres", "event-runtime-rabbitmq");
  private static final Pattern RUNTIME_ENTRY =
      Pattern.compile(".*event-runtime-(core|postgres|rabbitmq)(/target/classes|-[^/]*\\.jar)$");

  /** The current build's: {@code classes} then the entries of {@code classpathFile}. */
  public static Classpath current(Path classes, Path classpathFile) {
    try {
      List<String> entries = new ArrayList<>();
      entries.add(classes.toAbsolutePath().toString());
      for (String entry :
          Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          entries.add(entry);
        }
      }
      return new Classpath("current", List.copyOf(entries));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read %s; build the bench module first".formatted(classpathFile), e);
    }
  }

  /** This classpath with event-runtime's jars replaced by {@code jars} (another revision's). */
  public Classpath withRuntime(String newLabel, List<Path> jars) {
    List<String> swapped = new ArrayList<>();
    boolean added = false;
    for (String entry : entries) {
      if (RUNTIME_ENTRY.matcher(entry).matches()) {
        if (!added) {
          jars.forEach(jar -> swapped.add(jar.toAbsolutePath().toString()));
          added = true;
        }
      } else {
        swapped.add(entry);
      }
    }
    if (!added) {
      throw new IllegalStateException("no event-runtime entry on the bench's classpath to swap");
    }
    return new Classpath(newLabel, List.copyOf(swapped));
  }

  String joined() {
    return String.join(java.io.File.pathSeparator, entries);
  }
}
