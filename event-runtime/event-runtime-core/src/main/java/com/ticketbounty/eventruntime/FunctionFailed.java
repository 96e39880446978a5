package com.ticketbounty.eventruntime;

import tools.jackson.databind.JsonNode;

/**
 * {@code runtime/function.failed}: published by the runtime when a run fails for good, for a
 * service's global failure handler. A failure of a handler of this event is logged and never
 * published again, so failures cannot loop.
 *
 * @param service the service whose function failed
 * @param function the function's id
 * @param runId the failed run
 * @param error what went wrong
 * @param event the event that started the run, as it travelled (sensitive fields stay encrypted)
 */
@EventType(name = FunctionFailed.NAME, version = "1.0")
public record FunctionFailed(
    String service, String function, String runId, String error, JsonNode event) {
  public static final String NAME = "runtime/function.failed";
}
