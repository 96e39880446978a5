package com.ticketbounty.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The run command's helper. {@code embedded-postgres <data-dir> <port>} runs PostgreSQL until the
 * process is stopped (SIGTERM stops the server cleanly); {@code create-databases <host> <port>
 * <user> <password|-> <name>…} creates the missing databases.
 */
public final class LocalStack {
  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("embedded-postgres")) {
      runEmbeddedPostgres(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length >= 6 && args[0].equals("create-databases")) {
      String password = args[4].equals("-") ? "" : args[4];
      List<String> names = Arrays.asList(args).subList(5, args.length);
      List<String> created =
          Databases.ensure(args[1], Integer.parseInt(args[2]), args[3], password, names);
      System.out.println(
          created.isEmpty() ? "databases present: " + names : "databases created: " + created);
    } else {
      System.err.println(
          "usage: embedded-postgres <data-dir> <port>\n"
              + "       create-databases <host> <port> <user> <password|-> <name>...");
      System.exit(2);
    }
  }

  private static void runEmbeddedPostgres(Path dataDirectory, int port) throws Exception {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
                  }
                  stopped.countDown();
                }));
    System.out.println("embedded PostgreSQL ready on port " + server.port());
    stopped.await();
  }
}
