package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.FunctionFailed;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.Trigger;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The functions of one service, by id. Each function with an {@code onFailure} also has a failure
 * function, id {@code <id>-on-failure}, that runs the handler as a durable run of its own; failure
 * functions have no trigger of their own (the engine starts them).
 */
public final class Functions {
  static final String FAILURE_SUFFIX = "-on-failure";

  private final Map<String, DurableFunction> byId = new LinkedHashMap<>();
  private final Map<String, DurableFunction> failureFunctions = new HashMap<>();

  public Functions(Collection<DurableFunction> functions, FailureFunctions failures) {
    for (DurableFunction function : functions) {
      if (byId.putIfAbsent(function.id(), function) != null) {
        throw new IllegalArgumentException("two functions share the id " + function.id());
      }
      function
          .onFailure()
          .ifPresent(
              handler ->
                  failureFunctions.put(
                      failureId(function.id()), failures.of(function, handler, FAILURE_SUFFIX)));
    }
  }

  static String failureId(String functionId) {
    return functionId + FAILURE_SUFFIX;
  }

  public Optional<DurableFunction> find(String id) {
    DurableFunction function = byId.get(id);
    return Optional.ofNullable(function != null ? function : failureFunctions.get(id));
  }

  /** Whether {@code id} names a failure function: its own failure is only logged. */
  boolean isFailureFunction(String id) {
    return failureFunctions.containsKey(id);
  }

  /** The functions with an event trigger for {@code event}'s name (filters not yet applied). */
  List<DurableFunction> triggeredBy(EventEnvelope event) {
    return byId.values().stream().filter(f -> triggers(f, event.name())).toList();
  }

  static boolean triggers(DurableFunction function, String eventName) {
    return function.triggers().stream()
        .anyMatch(t -> t instanceof Trigger.OnEvent on && on.event().equals(eventName));
  }

  /** Whether a failure of {@code function} must not publish {@code runtime/function.failed}. */
  static boolean handlesFailures(DurableFunction function) {
    return triggers(function, FunctionFailed.NAME);
  }

  /** The event names a function's queue binds: its event triggers and the events it waits for. */
  static Set<String> boundEvents(DurableFunction function) {
    Set<String> names = new LinkedHashSet<>();
    function.triggers().stream()
        .filter(Trigger.OnEvent.class::isInstance)
        .map(t -> ((Trigger.OnEvent) t).event())
        .forEach(names::add);
    names.addAll(function.waitsFor());
    return names;
  }

  boolean anyWaitsFor(String eventName) {
    return byId.values().stream().anyMatch(f -> f.waitsFor().contains(eventName));
  }

  /** The ids of every function this engine executes, failure functions included, for claims. */
  Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>(byId.keySet());
    ids.addAll(failureFunctions.keySet());
    return ids;
  }

  /** Concurrency limits by function id, for claims. */
  Map<String, Integer> limits() {
    Map<String, Integer> limits = new HashMap<>();
    byId.values().forEach(f -> f.concurrency().ifPresent(c -> limits.put(f.id(), c.limit())));
    return limits;
  }

  public Collection<DurableFunction> all() {
    return byId.values();
  }
}
