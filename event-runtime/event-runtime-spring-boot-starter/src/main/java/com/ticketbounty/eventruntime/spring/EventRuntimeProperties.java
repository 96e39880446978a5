package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.rabbitmq.BrokerAddresses;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code event-runtime.*}.
 *
 * @param serviceName names this service's queues; defaults to {@code spring.application.name}
 * @param namePrefix prefixes every exchange and queue, so that several systems (or tests) share a
 *     broker without meeting
 * @param encryptionKey the AES-256 key (base64) that seals {@code @Sensitive} event fields; every
 *     service exchanging such events needs the same one. The default is a development key, which
 *     the {@code prod} profile refuses
 * @param previousEncryptionKeys earlier keys (base64, comma-separated in {@code
 *     EVENT_ENCRYPTION_PREVIOUS_KEYS}) that still open what they sealed but seal nothing new: the
 *     rotation of docs/runbooks/event-encryption-key.md
 * @param acceptV1SealedValues whether values sealed in the {@code v1} format of earlier releases
 *     (bound to the field's name only) still open; true until a rolling deploy has left none of
 *     them in outboxes, queues, memo rows or dead letters, then set false
 * @param contractPackages where the operations API's send-event looks for {@code @EventType}
 *     records (besides the contracts of the service's functions and subscriptions) to seal their
 *     sensitive fields
 * @param rabbitmq where the broker is
 * @param relay how the outbox relay runs
 * @param consumer how deliveries are taken
 * @param engine how durable functions run
 */
@ConfigurationProperties("event-runtime")
public record EventRuntimeProperties(
    String serviceName,
    @DefaultValue("ticketbounty.") String namePrefix,
    @DefaultValue(EventRuntimeProperties.DEVELOPMENT_KEY) String encryptionKey,
    @DefaultValue List<String> previousEncryptionKeys,
    @DefaultValue("true") boolean acceptV1SealedValues,
    @DefaultValue("com.ticketbounty") List<String> contractPackages,
    @DefaultValue Rabbitmq rabbitmq,
    @DefaultValue Relay relay,
    @DefaultValue Consumer consumer,
    @DefaultValue Engine engine) {

  /** Public, hence worthless: for development and tests only. */
  public static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdCE=";

  /**
   * The name this service's queues carry: {@link #serviceName()} when set, else {@code
   * applicationName} ({@code spring.application.name}).
   *
   * @throws IllegalStateException when neither is set
   */
  public String serviceNameOr(@Nullable String applicationName) {
    if (serviceName != null && !serviceName.isBlank()) {
      return serviceName;
    }
    if (applicationName == null || applicationName.isBlank()) {
      throw new IllegalStateException(
          "event-runtime needs a service name: set spring.application.name or"
              + " event-runtime.service-name");
    }
    return applicationName;
  }

  /**
   * @param host the broker's host, when {@code addresses} is blank
   * @param port the broker's AMQP port, when {@code addresses} is blank; also the port of an
   *     address in {@code addresses} that names none
   * @param addresses the nodes of a cluster, {@code host:port,host:port} ({@code
   *     RABBITMQ_ADDRESSES}); the service connects to any of them and fails over to another. Blank:
   *     {@code host} and {@code port}
   * @param username the AMQP user
   * @param password its password
   * @param virtualHost the vhost
   * @param confirmTimeout how long a publish waits for the broker's confirms
   * @param recoveryInterval pause between connection attempts
   */
  public record Rabbitmq(
      @DefaultValue("127.0.0.1") String host,
      @DefaultValue("5672") int port,
      @DefaultValue("guest") String username,
      @DefaultValue("guest") String password,
      @DefaultValue("/") String virtualHost,
      @DefaultValue("10s") Duration confirmTimeout,
      @DefaultValue("5s") Duration recoveryInterval,
      @Nullable String addresses) {

    /** The brokers to connect to: {@code addresses} when set, else {@code host:port}. */
    public BrokerAddresses broker() {
      return addresses == null || addresses.isBlank()
          ? BrokerAddresses.of(host, port)
          : BrokerAddresses.parse(addresses, port);
    }
  }

  /**
   * @param enabled whether this instance relays its service's outbox (every instance may)
   * @param batchSize rows per relay reservation and publish
   * @param pollInterval how often an idle relay looks for rows that other instances committed
   * @param reserveFor how long the relay holds a batch it publishes: longer than the broker's
   *     confirm timeout; the batch of a relay that died waits this long for another relay
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("100") int batchSize,
      @DefaultValue("500ms") Duration pollInterval,
      @DefaultValue("5s") Duration maxBackoff,
      @DefaultValue("30s") Duration reserveFor) {}

  /**
   * @param prefetch unacknowledged deliveries per queue
   * @param threads worker threads running handlers
   * @param deliveryLimit deliveries before the broker dead-letters a message that keeps failing
   * @param shutdownTimeout how long stopping waits for running handlers
   */
  public record Consumer(
      @DefaultValue("100") int prefetch,
      @DefaultValue("4") int threads,
      @DefaultValue("20") int deliveryLimit,
      @DefaultValue("10s") Duration shutdownTimeout) {}

  /**
   * @param workers the most attempts of durable functions running at once on this instance; an
   *     attempt waiting for its step holds a thread but no connection, so this may be far above the
   *     pool's size
   * @param connections the most JDBC connections the attempts' store calls hold at once (and the
   *     allowance the pool keeps for step bodies' own JDBC work); capped at {@code workers}. Store
   *     calls beyond it wait their turn, first come first served, instead of timing out in the pool
   * @param leaseFor how long a claimed run is held before another instance may resume it; renewed
   *     every third of it while the attempt runs
   * @param claimBatch the most runs claimed at once
   * @param pollInterval how often an idle engine looks for due runs
   * @param cronPollInterval how often cron schedules are checked for a due tick
   * @param shutdownTimeout how long stopping waits for running attempts; the rest are resumed by
   *     another instance (or this one after restart) once their lease expires
   * @param limits the sizes the engine refuses to exceed
   * @param workerKind the threads that run attempts and step bodies; unset, platform
   */
  public record Engine(
      @DefaultValue("64") int workers,
      @DefaultValue("30s") Duration leaseFor,
      @DefaultValue("100") int claimBatch,
      @DefaultValue("200ms") Duration pollInterval,
      @DefaultValue("1s") Duration cronPollInterval,
      @DefaultValue("10s") Duration shutdownTimeout,
      @DefaultValue Limits limits,
      @Nullable WorkerKind workerKind,
      @DefaultValue("8") int connections) {}

  /**
   * What one run may not exceed; going over fails with an error that names the limit. The defaults
   * are the engine's own (Inngest's): 4 MiB, 256 KiB, 1,000 steps. Sizes take a unit ({@code 4MB},
   * {@code 256KB}; binary, as Spring reads them) or a number of bytes.
   *
   * @param maxStepOutput the largest memo of one step, and of a run's output, in UTF-8 bytes
   * @param maxEvent the largest encoded event a step may send or the service submit
   * @param maxStepsPerRun how many step calls one attempt of a run may make
   */
  public record Limits(
      @DefaultValue("4MB") DataSize maxStepOutput,
      @DefaultValue("256KB") DataSize maxEvent,
      @DefaultValue("1000") int maxStepsPerRun) {}

  /** The threads that run attempts and step bodies. */
  public enum WorkerKind {
    /**
     * Ordinary threads, the default: a fixed pool of {@code workers} for attempts (each waiting one
     * holds one) and an elastic one for step bodies.
     */
    PLATFORM,
    /**
     * Virtual threads, one per attempt and per step body: cheap to block waiting on a provider, but
     * only for step code known to be safe on them. On Java 25 a virtual thread pins its carrier
     * while the JVM loads a class for it; bodies loading classes at once, behind a lock that an
     * unmounted virtual thread holds (Spring Boot's nested-jar loader has one), can pin every
     * carrier, and then no virtual thread runs again. The fault suite caught a restarted
     * notification-service stopped that way (docs/event-runtime.md, "Threads").
     */
    VIRTUAL
  }
}
