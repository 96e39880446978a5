package com.ticketbounty.eventruntime.postgres;

/** {@link ReplayAndCodeChangeContract} on the kit's in-memory runtime. */
class ReplayAndCodeChangeInMemoryTest extends ReplayAndCodeChangeContract {
  @Override
  EngineDriver newDriver() {
    return new InMemoryEngineDriver();
  }
}
