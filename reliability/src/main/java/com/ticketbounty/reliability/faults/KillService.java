package com.ticketbounty.reliability.faults;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code kill -9} of one service while it works (its runs, or requests in flight), then a restart
 * on the same ports and environment: nothing it did half may stay half-done.
 */
record KillService(int number, String service) implements Fault {
  @Override
  public String description() {
    return "kill -9 " + service + ", restart";
  }

  @Override
  public void inject(SuiteSystem system, Duration window) throws InterruptedException {
    system.service(service).kill();
  }

  @Override
  public void lift(SuiteSystem system) throws IOException {
    system.service(service).start();
  }
}
