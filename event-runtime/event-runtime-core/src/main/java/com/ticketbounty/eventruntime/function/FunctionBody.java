package com.ticketbounty.eventruntime.function;

import org.jspecify.annotations.Nullable;

/**
 * A function's body: plain blocking Java, re-executed from the top on every attempt (see the
 * package documentation). Its result, recorded as JSON, is the run's output and what {@link
 * Step#invoke} returns to an invoking function.
 */
@FunctionalInterface
public interface FunctionBody {
  @Nullable Object run(FunctionContext context) throws Exception;
}
