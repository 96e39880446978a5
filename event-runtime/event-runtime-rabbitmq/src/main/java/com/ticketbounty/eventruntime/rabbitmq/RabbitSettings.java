package com.ticketbounty.eventruntime.rabbitmq;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the broker is and how the transport uses it.
 *
 * @param broker the AMQP addresses of the broker, or of a cluster's nodes (tried shuffled, on every
 *     connect and recovery)
 * @param username the AMQP user
 * @param password its password (never printed by {@link #toString()})
 * @param virtualHost the vhost, {@code /} by default in RabbitMQ
 * @param namePrefix prefixes every exchange and queue ({@code ticketbounty.}, or a test's own), so
 *     that several systems share a broker without meeting; may be empty
 * @param serviceName names the connection and this service's queues
 * @param prefetch unacknowledged deliveries per subscription (default 100)
 * @param deliveryLimit deliveries after which the broker dead-letters a message that keeps failing
 *     or killing its worker (default 20). Quorum queue arguments are immutable: changing it for an
 *     existing queue needs a new queue
 * @param confirmTimeout how long a publish waits for the broker's confirms (default 10 s)
 * @param consumerThreads worker threads running handlers, shared by all subscriptions (default 4)
 * @param recoveryInterval pause between connection attempts, at start-up and after a connection
 *     loss (default 5 s)
 * @param shutdownTimeout how long closing the consumers waits for running handlers (default 10 s)
 */
public record RabbitSettings(
    BrokerAddresses broker,
    String username,
    String password,
    String virtualHost,
    String namePrefix,
    String serviceName,
    int prefetch,
    int deliveryLimit,
    Duration confirmTimeout,
    int consumerThreads,
    Duration recoveryInterval,
    Duration shutdownTimeout) {

  public RabbitSettings {
    Objects.requireNonNull(broker, "broker");
    requireText(username, "username");
    requireText(virtualHost, "virtualHost");
    requireText(serviceName, "serviceName");
    if (namePrefix.chars().anyMatch(Character::isWhitespace)
        || serviceName.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("namePrefix and serviceName must not contain whitespace");
    }
    // basic.qos carries the prefetch count as an unsigned short.
    requireRange(prefetch, 1, 65_535, "prefetch");
    requireRange(deliveryLimit, 1, Integer.MAX_VALUE, "deliveryLimit");
    requireRange(consumerThreads, 1, 1_000, "consumerThreads");
    requirePositive(confirmTimeout, "confirmTimeout");
    requirePositive(recoveryInterval, "recoveryInterval");
    requirePositive(shutdownTimeout, "shutdownTimeout");
  }

  /** Settings with the defaults for everything but the broker and the names. */
  public static RabbitSettings of(
      String host,
      int port,
      String username,
      String password,
      String virtualHost,
      String namePrefix,
      String serviceName) {
    return of(
        BrokerAddresses.of(host, port), username, password, virtualHost, namePrefix, serviceName);
  }

  /** Settings with the defaults for everything but the brokers and the names. */
  public static RabbitSettings of(
      BrokerAddresses broker,
      String username,
      String password,
      String virtualHost,
      String namePrefix,
      String serviceName) {
    return new RabbitSettings(
        broker,
        username,
        password,
        virtualHost,
        namePrefix,
        serviceName,
        100,
        20,
        Duration.ofSeconds(10),
        4,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /** The same settings for a broker reached at another address (a proxy, in tests). */
  public RabbitSettings withAddress(String newHost, int newPort) {
    return withBroker(BrokerAddresses.of(newHost, newPort));
  }

  /** The same settings for other brokers (a cluster's nodes, or proxies in tests). */
  public RabbitSettings withBroker(BrokerAddresses newBroker) {
    return new RabbitSettings(
        newBroker,
        username,
        password,
        virtualHost,
        namePrefix,
        serviceName,
        prefetch,
        deliveryLimit,
        confirmTimeout,
        consumerThreads,
        recoveryInterval,
        shutdownTimeout);
  }

  /** The same settings with other consumer limits (see the record's components). */
  public RabbitSettings withConsumers(int newPrefetch, int newThreads, int newDeliveryLimit) {
    return new RabbitSettings(
        broker,
        username,
        password,
        virtualHost,
        namePrefix,
        serviceName,
        newPrefetch,
        newDeliveryLimit,
        confirmTimeout,
        newThreads,
        recoveryInterval,
        shutdownTimeout);
  }

  /** The same settings with other timeouts (see the record's components). */
  public RabbitSettings withTimeouts(
      Duration newConfirmTimeout, Duration newRecoveryInterval, Duration newShutdownTimeout) {
    return new RabbitSettings(
        broker,
        username,
        password,
        virtualHost,
        namePrefix,
        serviceName,
        prefetch,
        deliveryLimit,
        newConfirmTimeout,
        consumerThreads,
        newRecoveryInterval,
        newShutdownTimeout);
  }

  /** Where the broker is, without the password, for logs. */
  @Override
  public String toString() {
    return "RabbitSettings["
        + username
        + "@"
        + broker
        + virtualHostPath()
        + ", service="
        + serviceName
        + ", prefix="
        + namePrefix
        + ", prefetch="
        + prefetch
        + ", deliveryLimit="
        + deliveryLimit
        + ", confirmTimeout="
        + confirmTimeout
        + ", consumerThreads="
        + consumerThreads
        + "]";
  }

  String virtualHostPath() {
    return virtualHost.startsWith("/") ? virtualHost : "/" + virtualHost;
  }

  private static void requireText(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requireRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
