package com.ticketbounty.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * event-runtime's jars built from another revision: a detached git worktree of {@code rev} in a
 * temporary directory, {@code ./mvnw -o -q package -DskipTests} of the runtime's modules there, and
 * its jars swapped onto the subject's classpath. Removed again by {@link #close}.
 */
public final class CompareBuild implements AutoCloseable {
  private final Path root;
  private final Path worktree;
  private final String rev;

  private CompareBuild(Path root, Path worktree, String rev) {
    this.root = root;
    this.worktree = worktree;
    this.rev = rev;
  }

  public static CompareBuild of(Path root, String rev) throws IOException, InterruptedException {
    Path worktree = Files.createTempDirectory("bench-compare-");
    Files.delete(worktree);
    run(root, List.of("git", "worktree", "add", "--detach", worktree.toString(), rev));
    CompareBuild build = new CompareBuild(root, worktree, rev);
    List<String> modules =
        Classpath.RUNTIME_MODULES.stream().map(m -> "event-runtime/" + m).toList();
    run(
        worktree,
        List.of(
            "./mvnw",
            "-B",
            "-o",
            "-q",
            "package",
            "-DskipTests",
            "-Dspotless.check.skip=true",
            "-pl",
            String.join(",", modules),
            "-am"));
    return build;
  }

  /** The current classpath with this revision's runtime jars in place of the current ones. */
  public Classpath classpath(Classpath current) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String module : Classpath.RUNTIME_MODULES) {
      Path target = worktree.resolve("event-runtime").resolve(module).resolve("target");
      try (Stream<Path> files = Files.list(target)) {
        jars.add(
            files
                .filter(
                    f -> f.getFileName().toString().matches(module + "-[^-]+(-SNAPSHOT)?\\.jar"))
                .findFirst()
                .orElseThrow(
                    () -> new IllegalStateException("no jar of " + module + " at " + rev)));
      }
    }
    return current.withRuntime(shortRev(), jars);
  }

  private String shortRev() {
    return rev.length() > 12 ? rev.substring(0, 12) : rev;
  }

  private static void run(Path directory, List<String> command)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
    if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "%s failed in %s".formatted(String.join(" ", command), directory));
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run(root, List.of("git", "worktree", "remove", "--force", worktree.toString()));
  }
}
