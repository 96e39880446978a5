package com.ticketbounty.eventruntime.postgres;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SleepAndRetryContract} on the real engine, its loop and threads, on PostgreSQL. */
class SleepAndRetryOnPostgresTest extends SleepAndRetryContract {
  @RegisterExtension
  static final PostgresEngineDrivers POSTGRES = new PostgresEngineDrivers("sleep_and_retry");

  @Override
  EngineDriver newDriver() {
    return POSTGRES.newDriver();
  }
}
