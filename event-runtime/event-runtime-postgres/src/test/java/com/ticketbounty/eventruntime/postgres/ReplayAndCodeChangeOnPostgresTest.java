package com.ticketbounty.eventruntime.postgres;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ReplayAndCodeChangeContract} on the real engine, its loop and threads, on PostgreSQL. */
class ReplayAndCodeChangeOnPostgresTest extends ReplayAndCodeChangeContract {
  @RegisterExtension
  static final PostgresEngineDrivers POSTGRES = new PostgresEngineDrivers("replay_and_code_change");

  @Override
  EngineDriver newDriver() {
    return POSTGRES.newDriver();
  }
}
