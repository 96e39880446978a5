package com.ticketbounty.eventruntime.postgres;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WaitForEventContract} on the real engine, its loop and threads, on PostgreSQL. */
class WaitForEventOnPostgresTest extends WaitForEventContract {
  @RegisterExtension
  static final PostgresEngineDrivers POSTGRES = new PostgresEngineDrivers("wait_for_event");

  @Override
  EngineDriver newDriver() {
    return POSTGRES.newDriver();
  }
}
