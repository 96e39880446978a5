package com.ticketbounty.eventruntime.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JDBC connections event-runtime may hold at once on one instance: one for each of its threads
 * that reaches the database, counted for the parts the service runs. Each such thread holds one
 * connection at a time and never asks for a second while holding one, so a pool this large never
 * makes a runtime thread wait. A smaller one does, and the wait that matters is the lease timer's:
 * a lease not renewed in time lets another instance take the run while it is still executing.
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

  static ConnectionBudget of(EventRuntimeProperties properties, Parts parts) {
    return of(properties, parts, List.of());
  }

  /** With {@code others}' threads added after the runtime's own. */
  static ConnectionBudget of(
      EventRuntimeProperties properties, Parts parts, List<ConnectionShare> others) {
    int workers = properties.engine().workers();
    boolean queues = parts.functions() || parts.subscriptions();
    List<Share> shares = new ArrayList<>();
    if (parts.functions()) {
      shares.add(new Share(workers, "engine worker"));
      // Each attempt waits for its step bodies on threads of their own; the service's code in a
      // body may use the database.
      shares.add(new Share(workers, "step-body thread"));
    }
    if (queues) {
      shares.add(new Share(properties.consumer().threads(), "consumer thread"));
    }
    if (properties.relay().enabled()) {
      shares.add(new Share(1, "outbox relay"));
    }
    if (parts.functions()) {
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

  /** {@code 8 engine workers + 8 step-body threads + …}. */
  String breakdown() {
    return shares.stream().map(Share::toString).collect(Collectors.joining(" + "));
  }
}
