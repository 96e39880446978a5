package com.ticketbounty.eventruntime.engine;

import com.ticketbounty.eventruntime.function.StepBody;
import java.util.Optional;

/**
 * Replaces a step's body — the test kit's step mocks. Production engines use {@link #NONE}. The
 * replacement is recorded exactly like the body it stands for.
 */
@FunctionalInterface
public interface StepOverrides {
  StepOverrides NONE = (functionId, stepKey) -> Optional.empty();

  Optional<StepBody<?>> find(String functionId, String stepKey);
}
