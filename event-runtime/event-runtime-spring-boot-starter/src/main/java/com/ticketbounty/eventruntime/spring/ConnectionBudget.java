package com.ticketbounty.eventruntime.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JDBC connections event-runtime may hold at once on one instance, counted for the parts the
 * service runs: one for each of its threads that reaches the database (each holds one at a time and
 * never asks for a second while holding one), except the attempts. Those may be many more than the
 * connections (an attempt waiting for its step holds none), so their store calls share {@code
 * event-runtime.engine.connections} of them through the run store's {@code ConnectionLimit}, {@link
 * #runStoreConnections} in all with the engine's timers and listener; step bodies get as many again
 * for the service's own JDBC work in them. A pool this large never makes a runtime thread wait in
 * it. A smaller one does, and the wait that matters is the lease timer's: a lease not renewed in
 * time lets another instance take the run while it is still executing.
 *
 * @param shares who holds connections, in the order a message lists them
 */
record ConnectionBudget(List<Share> shares) {
  /**
   * What a derived pool adds for the service's own JDBC work: Flyway, service-web's sessions,
   * attempt limits and idempotency, the operations API. A service that needs more sets the size.
   */
  static final int SERVICE_SHARE = 2;

  ConnectionBudget {
    shares = List.copyOf(shares);
  }

  /** How many threads of one kind ({@code holder}, singular), each holding one connection. */
  record Share(int connections, String holder) {
    @Override
    public String toString() {
      return connections + " " + holder + (connections == 1 ? "" : "s");
    }
  }

  /**
   * What the service runs: durable functions (the engine), subscriptions (queues without the
   * engine), and retention.
   */
  record Parts(boolean functions, boolean subscriptions, boolean retention) {}

  /** The engine's threads besides its attempts that use the run store: see {@link #of}. */
  private static final int ENGINE_THREADS = 3;

  /**
   * What the run store may lend at once: the attempts' connections and one each for the lease and
   * poll timer, the due-run listener and the cron timer.
   */
  static int runStoreConnections(EventRuntimeProperties.Engine engine) {
    return attemptConnections(engine) + ENGINE_THREADS;
  }

  /** The connections the attempts share: {@code connections}, or fewer when workers are fewer. */
  private static int attemptConnections(EventRuntimeProperties.Engine engine) {
    if (engine.connections() < 1) {
      throw new IllegalStateException(
          "event-runtime.engine.connections must be at least 1, was " + engine.connections());
    }
    return Math.min(engine.workers(), engine.connections());
  }

  static ConnectionBudget of(EventRuntimeProperties properties, Parts parts) {
    return of(properties, parts, List.of());
  }

  /** With {@code others}' threads added after the runtime's own. */
  static ConnectionBudget of(
      EventRuntimeProperties properties, Parts parts, List<ConnectionShare> others) {
    boolean queues = parts.functions() || parts.subscriptions();
    List<Share> shares = new ArrayList<>();
    if (parts.functions()) {
      int attempts = attemptConnections(properties.engine());
      shares.add(new Share(attempts, "attempt connection"));
      // Each attempt waits for its step bodies on threads of their own; the service's code in a
      // body may use the database. Bodies beyond these wait in the pool like the service's own.
      shares.add(new Share(attempts, "step-body connection"));
    }
    if (queues) {
      shares.add(new Share(properties.consumer().threads(), "consumer thread"));
    }
    if (properties.relay().enabled()) {
      shares.add(new Share(1, "outbox relay"));
    }
    if (parts.functions()) {
      // These three and the attempts' share make up runStoreConnections().
      shares.add(new Share(1, "lease and poll timer"));
      // Held for as long as the engine runs: it LISTENs for runs made due by other instances.
      shares.add(new Share(1, "due-run listener"));
      // Counted for every service with functions: whether one has a cron trigger is known only
      // once the function beans exist, after the pool.
      shares.add(new Share(1, "cron timer"));
    }
    if (queues) {
      shares.add(new Share(1, "dead-letter drain"));
    }
    if (parts.retention()) {
      shares.add(new Share(1, "retention pruner"));
    }
    others.stream()
        .filter(other -> other.connections() > 0)
        .forEach(other -> shares.add(new Share(other.connections(), other.holder())));
    return new ConnectionBudget(shares);
  }

  int total() {
    return shares.stream().mapToInt(Share::connections).sum();
  }

  /** {@code 8 attempt connections + 8 step-body connections + …}. */
  String breakdown() {
    return shares.stream().map(Share::toString).collect(Collectors.joining(" + "));
  }
}
