package com.ticketbounty.eventruntime.postgres;

/** {@link ParallelInvokeAndLimitsContract} on the kit's in-memory runtime. */
class ParallelInvokeAndLimitsInMemoryTest extends ParallelInvokeAndLimitsContract {
  @Override
  EngineDriver newDriver() {
    return new InMemoryEngineDriver();
  }
}
