package com.ticketbounty.eventruntime.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A thin wrapper around a real {@link DataSource} that counts what the code using it asks of the
 * database: every statement executed (a batch counts once: the driver sends it in one go) and every
 * commit or rollback is a round trip; a commit is an explicit one, or a statement executed in
 * auto-commit mode (its own transaction). Nothing is answered here: every call goes to PostgreSQL.
 */
final class RoundTripCounter extends ForwardingDataSource {
  private static final Set<String> EXECUTES =
      Set.of(
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "executeBatch",
          "executeLargeBatch");

  private final AtomicInteger roundTrips = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();

  RoundTripCounter(DataSource dataSource) {
    super(dataSource);
  }

  /** Round trips and commits counted so far. */
  record Counts(int roundTrips, int commits) {
    Counts minus(Counts before) {
      return new Counts(roundTrips - before.roundTrips, commits - before.commits);
    }

    @Override
    public String toString() {
      return "%d round trips, %d commits".formatted(roundTrips, commits);
    }
  }

  Counts counts() {
    return new Counts(roundTrips.get(), commits.get());
  }

  @Override
  public Connection getConnection() throws SQLException {
    return counting(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return counting(super.getConnection(username, password));
  }

  private Connection counting(Connection connection) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = invoke(connection, method, args);
          switch (method.getName()) {
            case "commit" -> {
              roundTrips.incrementAndGet();
              commits.incrementAndGet();
            }
            case "rollback" -> roundTrips.incrementAndGet();
            default -> {}
          }
          return result instanceof Statement statement
              ? counting(connection, statement, method.getReturnType())
              : result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private Object counting(Connection connection, Statement statement, Class<?> type) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (EXECUTES.contains(method.getName())) {
            roundTrips.incrementAndGet();
            if (connection.getAutoCommit()) {
              commits.incrementAndGet();
            }
          }
          return invoke(statement, method, args);
        };
    return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
