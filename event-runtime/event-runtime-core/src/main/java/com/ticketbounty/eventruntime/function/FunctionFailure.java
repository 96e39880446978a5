package com.ticketbounty.eventruntime.function;

import com.ticketbounty.eventruntime.EventEnvelope;

/**
 * Why a run failed, as its failure handler receives it.
 *
 * @param functionId the failed function
 * @param runId the failed run
 * @param error what went wrong (the last error of the failing step, or of the body)
 * @param event the event that started the run
 */
public record FunctionFailure(String functionId, String runId, String error, EventEnvelope event) {}
