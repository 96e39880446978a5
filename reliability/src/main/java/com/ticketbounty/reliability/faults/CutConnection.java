package com.ticketbounty.reliability.faults;

import com.ticketbounty.testsupport.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A server cut off through the TCP proxies between it and its clients: every connection dropped and
 * new ones refused while the fault lasts, the server itself untouched; then connections accepted
 * again, and the clients must reconnect on their own.
 */
record CutConnection(int number, String description, Function<SuiteSystem, List<TcpProxy>> proxies)
    implements Fault {

  static CutConnection rabbitFromEveryService(int number) {
    return new CutConnection(
        number, "RabbitMQ cut off from every service", system -> system.broker().proxies());
  }

  static CutConnection postgresFromNotificationService(int number) {
    return new CutConnection(
        number,
        "PostgreSQL cut off from notification-service",
        system -> List.of(system.notificationDatabase()));
  }

  @Override
  public void inject(SuiteSystem system, Duration window) {
    proxies.apply(system).forEach(TcpProxy::cut);
  }

  @Override
  public void lift(SuiteSystem system) {
    proxies.apply(system).forEach(TcpProxy::restore);
  }
}
