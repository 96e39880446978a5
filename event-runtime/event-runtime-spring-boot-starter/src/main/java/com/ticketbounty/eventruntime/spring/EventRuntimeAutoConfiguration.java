package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.codec.EventKeys;
import com.ticketbounty.eventruntime.codec.FieldCipher;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.outbox.OutboxRelay;
import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.outbox.RelaySettings;
import com.ticketbounty.eventruntime.postgres.PostgresDeadLetterStore;
import com.ticketbounty.eventruntime.postgres.PostgresInboxStore;
import com.ticketbounty.eventruntime.postgres.PostgresOutboxStore;
import com.ticketbounty.eventruntime.postgres.PostgresRuntimeCounts;
import com.ticketbounty.eventruntime.postgres.RuntimeSchema;
import com.ticketbounty.eventruntime.rabbitmq.DeadLetterDrain;
import com.ticketbounty.eventruntime.rabbitmq.DeadLetterRedrive;
import com.ticketbounty.eventruntime.rabbitmq.RabbitConnector;
import com.ticketbounty.eventruntime.rabbitmq.RabbitMessagePublisher;
import com.ticketbounty.eventruntime.rabbitmq.RabbitMessageSource;
import com.ticketbounty.eventruntime.rabbitmq.RabbitSettings;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.eventruntime.telemetry.RuntimeGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Wires event-runtime into a service: the runtime's schema on the service's JDBC {@link
 * DataSource}, the RabbitMQ connection, the outbox relay, the transactional publisher for R2DBC
 * services, a consumer for every {@link Subscription} bean, and the durable-function engine with a
 * queue per function when there are {@code DurableFunction} beans.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration"
    })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(EventRuntimeProperties.class)
@Import(EventRuntimeFunctionsConfiguration.class)
public class EventRuntimeAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EventRuntimeAutoConfiguration.class);
  private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);

  /**
   * Seals with {@code event-runtime.encryption-key}, opens with it and the previous keys. A key
   * that is not 32 bytes of base64 stops start-up; the prod profile never gets here with the
   * development key (ProductionGuard stops it first).
   */
  @Bean
  @ConditionalOnMissingBean
  EventCodec eventRuntimeCodec(EventRuntimeProperties properties) {
    EventKeys keys = EventKeys.of(properties.encryptionKey(), properties.previousEncryptionKeys());
    LOG.info(
        "Event fields are sealed with key {}; previous keys that still open: {}; v1 values: {}",
        keys.current().id(),
        keys.previousIds().isEmpty() ? "none" : String.join(", ", keys.previousIds()),
        properties.acceptV1SealedValues() ? "open" : "refused");
    return new EventCodec(
        Clock.systemUTC(), new FieldCipher(keys, properties.acceptV1SealedValues()));
  }

  /** Sizes the JDBC pool for the runtime's threads, or refuses one set too small. */
  @Bean
  static PoolSizing eventRuntimePoolSizing() {
    return new PoolSizing();
  }

  /** Migrated before anything that reads or writes the runtime's tables is created. */
  @Bean
  RuntimeSchemaMigration eventRuntimeSchema(DataSource dataSource) {
    RuntimeSchema.migrate(dataSource);
    return new RuntimeSchemaMigration();
  }

  @Bean(destroyMethod = "close")
  RabbitConnector eventRuntimeRabbitConnector(EventRuntimeProperties properties, Environment env) {
    return RabbitConnector.start(rabbitSettings(properties, env));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "event-runtime.relay.enabled", matchIfMissing = true)
  OutboxRelay eventRuntimeOutboxRelay(
      RuntimeSchemaMigration schema,
      DataSource dataSource,
      RabbitConnector connector,
      EventRuntimeProperties properties,
      ObjectProvider<OpenTelemetry> openTelemetry) {
    EventRuntimeProperties.Relay relay = properties.relay();
    return new OutboxRelay(
        new PostgresOutboxStore(dataSource),
        new RabbitMessagePublisher(connector, Clock.systemUTC()),
        new RelaySettings(
            relay.batchSize(), relay.pollInterval(), relay.maxBackoff(), relay.reserveFor()),
        openTelemetry(openTelemetry));
  }

  @Bean
  @ConditionalOnBean(OutboxRelay.class)
  EventRuntimeLifecycle.Relay eventRuntimeRelayLifecycle(
      OutboxRelay relay, OutboxSignal signal, EventRuntimeProperties properties, Environment env) {
    return new EventRuntimeLifecycle.Relay(
        relay, signal, serviceName(properties, env) + "-outbox-relay");
  }

  /**
   * Wakes the relay after every commit of this service that wrote outbox rows: the engine's run
   * store, the transactional publisher and the operations API tell it.
   */
  @Bean
  OutboxSignal eventRuntimeOutboxSignal() {
    return new OutboxSignal();
  }

  @Bean
  EventRuntimeLifecycle.Consumers eventRuntimeConsumers(
      RuntimeSchemaMigration schema,
      RabbitConnector connector,
      DataSource dataSource,
      EventCodec codec,
      DeadLetterStore deadLetters,
      ObjectProvider<Subscription<?>> subscriptions,
      ObjectProvider<DurableEngine> engine,
      ObjectProvider<OpenTelemetry> openTelemetry) {
    OpenTelemetry tracing = openTelemetry(openTelemetry);
    List<EventRuntimeLifecycle.Queue> queues = new ArrayList<>();
    PostgresInboxStore inbox =
        new PostgresInboxStore(dataSource, new SpringConnectionScope(dataSource));
    subscriptions
        .orderedStream()
        .forEach(
            subscription -> queues.add(EventRuntimeLifecycle.Queue.of(subscription, codec, inbox)));
    engine.ifAvailable(
        running ->
            running.functions().stream()
                .map(function -> EventRuntimeLifecycle.Queue.of(running, function))
                .flatMap(Optional::stream)
                .forEach(queues::add));
    return new EventRuntimeLifecycle.Consumers(
        () -> new RabbitMessageSource(connector, tracing),
        () -> new DeadLetterDrain(connector, deadLetters),
        queues);
  }

  /**
   * The runtime's gauges (runs waiting, dead letters, outbox backlog), read from PostgreSQL every
   * few seconds on a thread of their own; none when the service has no {@link MeterRegistry}.
   */
  @Bean(destroyMethod = "close")
  Gauges eventRuntimeGauges(
      RuntimeSchemaMigration schema,
      DataSource dataSource,
      ObjectProvider<MeterRegistry> meterRegistry,
      ObjectProvider<DurableEngine> engine) {
    MeterRegistry registry = meterRegistry.getIfUnique();
    if (registry == null) {
      return new Gauges(null);
    }
    List<String> functions = new ArrayList<>();
    engine.ifAvailable(
        running -> running.functions().forEach(function -> functions.add(function.id())));
    return new Gauges(
        RuntimeGauges.start(
            registry, new PostgresRuntimeCounts(dataSource), functions, GAUGE_REFRESH));
  }

  /** The service's OpenTelemetry (Boot's SDK when configured), else one that makes no spans. */
  static OpenTelemetry openTelemetry(ObjectProvider<OpenTelemetry> provider) {
    return provider.getIfAvailable(OpenTelemetry::noop);
  }

  /** The dead letters drained from this service's dead-letter queues, for listing. */
  @Bean
  DeadLetterStore eventRuntimeDeadLetters(RuntimeSchemaMigration schema, DataSource dataSource) {
    return new PostgresDeadLetterStore(dataSource);
  }

  /** Sends a kept dead letter back to its queue. */
  @Bean
  DeadLetterRedrive eventRuntimeDeadLetterRedrive(
      RabbitConnector connector, DeadLetterStore deadLetters) {
    return new DeadLetterRedrive(connector, deadLetters);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(DatabaseClient.class)
  @ConditionalOnBean(ConnectionFactory.class)
  static class R2dbcPublishing {
    /**
     * A {@link DatabaseClient} of its own on the service's connection factory: it runs on the
     * connection of the caller's reactive transaction, whoever else uses that factory.
     */
    @Bean
    @ConditionalOnMissingBean
    TransactionalEventPublisher transactionalEventPublisher(
        RuntimeSchemaMigration schema,
        ConnectionFactory connectionFactory,
        EventCodec codec,
        OutboxSignal signal) {
      return new R2dbcTransactionalEventPublisher(
          DatabaseClient.create(connectionFactory), codec, signal);
    }
  }

  static String serviceName(EventRuntimeProperties properties, Environment env) {
    return properties.serviceNameOr(env.getProperty("spring.application.name"));
  }

  private static RabbitSettings rabbitSettings(EventRuntimeProperties properties, Environment env) {
    EventRuntimeProperties.Rabbitmq rabbit = properties.rabbitmq();
    EventRuntimeProperties.Consumer consumer = properties.consumer();
    return RabbitSettings.of(
            rabbit.broker(),
            rabbit.username(),
            rabbit.password(),
            rabbit.virtualHost(),
            properties.namePrefix(),
            serviceName(properties, env))
        .withConsumers(consumer.prefetch(), consumer.threads(), consumer.deliveryLimit())
        .withTimeouts(
            rabbit.confirmTimeout(), rabbit.recoveryInterval(), consumer.shutdownTimeout());
  }

  /** The runtime's gauges when there is a registry to show them; closed with the context. */
  static final class Gauges implements AutoCloseable {
    private final @Nullable RuntimeGauges gauges;

    Gauges(@Nullable RuntimeGauges gauges) {
      this.gauges = gauges;
    }

    @Override
    public void close() {
      if (gauges != null) {
        gauges.close();
      }
    }
  }

  /** A marker that the runtime's schema is current; beans that touch its tables depend on it. */
  static final class RuntimeSchemaMigration {}
}
