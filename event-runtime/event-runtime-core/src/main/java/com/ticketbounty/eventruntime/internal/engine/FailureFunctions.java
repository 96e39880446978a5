package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.FunctionFailed;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FailureHandler;
import com.ticketbounty.eventruntime.function.FunctionFailure;

/**
 * Wraps an {@code onFailure} handler as a function of its own, so that it runs durably: its trigger
 * is the {@code runtime/function.failed} event of the failed run.
 */
public final class FailureFunctions {
  private final EventCodec codec;
  private final Memos memos;

  public FailureFunctions(EventCodec codec, Memos memos) {
    this.codec = codec;
    this.memos = memos;
  }

  DurableFunction of(DurableFunction failing, FailureHandler handler, String suffix) {
    return DurableFunction.named(failing.id() + suffix)
        .triggeredBy(FunctionFailed.NAME)
        .retryPolicy(failing.retryPolicy())
        .stepTimeout(failing.stepTimeout())
        .runTimeout(failing.runTimeout())
        .handler(
            context -> {
              FunctionFailed failed = context.data(FunctionFailed.class);
              handler.onFailure(
                  new FunctionFailure(
                      failed.function(), failed.runId(), failed.error(), original(failed)),
                  context.step());
              return null;
            });
  }

  private EventEnvelope original(FunctionFailed failed) throws UndecodableEventException {
    return codec.decode(memos.mapper().writeValueAsBytes(failed.event()));
  }
}
