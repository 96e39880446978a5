package com.ticketbounty.localstack;

import com.ticketbounty.localstack.Databases.Provisioned;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * The run command's helper. {@code embedded-postgres <data-dir> <port> [<setting>=<value>…]} runs
 * PostgreSQL until the process is stopped (SIGTERM stops the server cleanly), with the server
 * settings given overriding the embedded server's own ({@link EmbeddedPostgresServer}); {@code
 * create-databases <host> <port> <admin-user> <database>[=<PASSWORD_VARIABLE>]…} creates each
 * service's database and its own role (see {@link Databases}). Passwords come from the environment,
 * never from the command line: the administrator's from {@code DB_ADMIN_PASSWORD}, each role's from
 * the variable its argument names.
 */
public final class LocalStack {
  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 3 && args[0].equals("embedded-postgres")) {
      runEmbeddedPostgres(
          Path.of(args[1]),
          Integer.parseInt(args[2]),
          EmbeddedPostgresServer.settings(Arrays.asList(args).subList(3, args.length)));
    } else if (args.length >= 5 && args[0].equals("create-databases")) {
      createDatabases(args, System.getenv());
    } else {
      System.err.println(
          "usage: embedded-postgres <data-dir> <port> [<setting>=<value>...]\n"
              + "       create-databases <host> <port> <admin-user> <database>[=<PASSWORD_VARIABLE>]...\n"
              + "       (the admin password from DB_ADMIN_PASSWORD)");
      System.exit(2);
    }
  }

  private static void createDatabases(String[] args, Map<String, String> environment)
      throws SQLException {
    Server server =
        new Server(
            args[1],
            Integer.parseInt(args[2]),
            args[3],
            environment.getOrDefault("DB_ADMIN_PASSWORD", ""));
    List<ServiceDatabase> databases =
        Arrays.stream(args, 4, args.length)
            .map(argument -> ServiceDatabase.parse(argument, environment))
            .toList();
    System.out.println(report(Databases.ensure(server, databases)));
  }

  static String report(List<Provisioned> provisioned) {
    StringBuilder line =
        new StringBuilder("databases ready, each open only to its own role of the same name:");
    List<String> created = names(provisioned, Provisioned::created);
    List<String> present = names(provisioned, database -> !database.created());
    if (!created.isEmpty()) {
      line.append(" created %s".formatted(created));
    }
    if (!present.isEmpty()) {
      line.append(" present %s".formatted(present));
    }
    for (Provisioned database : provisioned) {
      if (!database.created() && database.objectsHandedOver() > 0) {
        line.append(
            "; %d objects of %s handed to its role"
                .formatted(database.objectsHandedOver(), database.database()));
      }
    }
    return line.toString();
  }

  private static List<String> names(List<Provisioned> provisioned, Predicate<Provisioned> which) {
    return provisioned.stream().filter(which).map(Provisioned::database).toList();
  }

  private static void runEmbeddedPostgres(
      Path dataDirectory, int port, Map<String, String> settings) throws Exception {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, port, settings);
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
