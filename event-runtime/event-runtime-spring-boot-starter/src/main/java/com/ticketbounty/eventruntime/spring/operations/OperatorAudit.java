package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.spi.OperatorActionStore;
import com.ticketbounty.eventruntime.spi.OperatorActionStore.NewOperatorAction;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.server.ServerRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the operator actions of the operations API, by the names of the gateway's audit list.
 * Handlers call it once the action has been done (a refused or failed action is never recorded), on
 * the blocking thread that did the action.
 */
final class OperatorAudit {
  static final String RUN_REPLAYED = "run.replayed";
  static final String RUNS_REPLAYED = "runs.replayed";
  static final String RUN_CANCELLED = "run.cancelled";
  static final String DEAD_LETTER_REDRIVEN = "dead-letter.redriven";
  static final String EVENT_SENT = "event.sent";
  static final String FUNCTION_TRIGGERED = "function.triggered";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OperatorActionStore store;

  OperatorAudit(OperatorActionStore store) {
    this.store = store;
  }

  /** Blocking: records that the request's actor did {@code action} to {@code target}. */
  void record(
      ServerRequest request, String action, @Nullable String target, Map<String, ?> detail) {
    store.record(what(request, action, target, detail));
  }

  static NewOperatorAction what(
      ServerRequest request, String action, @Nullable String target, Map<String, ?> detail) {
    return new NewOperatorAction(
        OperationsGuard.actor(request), action, target, JSON.writeValueAsString(detail));
  }
}
