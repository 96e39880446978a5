package com.ticketbounty.reliability.faults;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code kill -9} of the postmaster of the suite's own PostgreSQL, which holds notification-
 * service's database, under load; started again on the same data (crash recovery) and port when the
 * fault is lifted. notification-service stays up and must reconnect on its own.
 */
record KillPostgres(int number) implements Fault {
  @Override
  public String description() {
    return "kill -9 of notification-service's PostgreSQL, restart";
  }

  @Override
  public void inject(SuiteSystem system, Duration window) throws IOException, InterruptedException {
    system.ownPostgres().killPostmaster();
  }

  @Override
  public void lift(SuiteSystem system) throws IOException, InterruptedException {
    system.ownPostgres().start();
  }
}
