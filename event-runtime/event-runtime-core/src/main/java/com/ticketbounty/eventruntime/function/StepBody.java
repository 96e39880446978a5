package com.ticketbounty.eventruntime.function;

import org.jspecify.annotations.Nullable;

/**
 * The work of a {@code run} step. It receives an idempotency key, stable across every attempt and
 * replay of this step ({@code <run id>:<step key>}): pass it to the provider, so that a step killed
 * after its side effect but before it was recorded is deduplicated when it runs again. A step that
 * calls a provider several times derives one key per call with a stable suffix (the recipient).
 */
@FunctionalInterface
public interface StepBody<T> {
  @Nullable T run(String idempotencyKey) throws Exception;
}
