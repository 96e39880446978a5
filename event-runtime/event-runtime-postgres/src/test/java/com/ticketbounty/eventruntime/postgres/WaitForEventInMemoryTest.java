package com.ticketbounty.eventruntime.postgres;

/** {@link WaitForEventContract} on the kit's in-memory runtime. */
class WaitForEventInMemoryTest extends WaitForEventContract {
  @Override
  EngineDriver newDriver() {
    return new InMemoryEngineDriver();
  }
}
