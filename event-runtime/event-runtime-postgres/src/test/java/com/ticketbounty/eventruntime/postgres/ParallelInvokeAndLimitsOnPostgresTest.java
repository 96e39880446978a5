package com.ticketbounty.eventruntime.postgres;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ParallelInvokeAndLimitsContract} on the real engine, its loop and threads, on PostgreSQL.
 */
class ParallelInvokeAndLimitsOnPostgresTest extends ParallelInvokeAndLimitsContract {
  @RegisterExtension
  static final PostgresEngineDrivers POSTGRES =
      new PostgresEngineDrivers("parallel_invoke_and_limits");

  @Override
  EngineDriver newDriver() {
    return POSTGRES.newDriver();
  }
}
