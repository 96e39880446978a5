package com.ticketbounty.eventruntime.test;

import com.ticketbounty.eventruntime.engine.StepOverrides;
import com.ticketbounty.eventruntime.function.StepBody;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The step bodies a test has replaced, by (function id, step key). */
final class StepMocks implements StepOverrides {
  private final Map<String, StepBody<?>> mocks = new ConcurrentHashMap<>();

  void put(String functionId, String stepKey, StepBody<?> body) {
    mocks.put(functionId + "/" + stepKey, body);
  }

  void remove(String functionId, String stepKey) {
    mocks.remove(functionId + "/" + stepKey);
  }

  @Override
  public Optional<StepBody<?>> find(String functionId, String stepKey) {
    return Optional.ofNullable(mocks.get(functionId + "/" + stepKey));
  }
}
