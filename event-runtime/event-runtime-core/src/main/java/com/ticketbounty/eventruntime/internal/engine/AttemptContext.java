package com.ticketbounty.eventruntime.internal.engine;

import com.ticketbounty.eventruntime.EventEnvelope;
import com.ticketbounty.eventruntime.NonRetriableException;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.UndecodableEventException;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.eventruntime.function.Step;
import com.ticketbounty.eventruntime.spi.RunRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link FunctionContext} of one attempt. */
final class AttemptContext implements FunctionContext {
  private final RunRecord run;
  private final EventEnvelope event;
  private final EventCodec codec;
  private final Step step;
  // A record contract read once per attempt, however often the body asks (in every step, say).
  private final Map<Class<?>, Object> records = new ConcurrentHashMap<>();

  AttemptContext(RunRecord run, EventEnvelope event, EventCodec codec, Step step) {
    this.run = run;
    this.event = event;
    this.codec = codec;
    this.step = step;
  }

  @Override
  public EventEnvelope event() {
    return event;
  }

  @Override
  public <T> T data(Class<T> contract) {
    if (!contract.isRecord()) {
      return read(event, contract);
    }
    Object data = records.get(contract);
    if (data == null) {
      data = read(event, contract);
      records.put(contract, data);
    }
    return contract.cast(data);
  }

  /** A payload that does not fit the contract can never fit it: the run fails without retries. */
  @Override
  public <T> T read(EventEnvelope received, Class<T> contract) {
    try {
      return codec.read(received, contract);
    } catch (UndecodableEventException e) {
      throw new NonRetriableException(e.getMessage(), e);
    }
  }

  @Override
  public String runId() {
    return run.id().toString();
  }

  @Override
  public String functionId() {
    return run.functionId();
  }

  @Override
  public Step step() {
    return step;
  }
}
