package com.ticketbounty.eventruntime.postgres;

/** {@link SleepAndRetryContract} on the kit's in-memory runtime. */
class SleepAndRetryInMemoryTest extends SleepAndRetryContract {
  @Override
  EngineDriver newDriver() {
    return new InMemoryEngineDriver();
  }
}
