package com.ticketbounty.reliability.faults;

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
  public void inject(SuiteSystem system) throws InterruptedException {
    system.service(service).kill();
  }

  @Override
  public void lift(SuiteSystem system) throws java.io.IOException {
    system.service(service).start();
  }
}
