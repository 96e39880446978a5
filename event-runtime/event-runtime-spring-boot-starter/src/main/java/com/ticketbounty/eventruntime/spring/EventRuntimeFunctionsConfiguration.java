package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.postgres.ConnectionLimit;
import com.ticketbounty.eventruntime.postgres.PostgresRunStore;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spring.EventRuntimeProperties.WorkerKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The durable-function engine, when the service has {@link DurableFunction} beans: built on the
 * service's {@link RunStore}, run by {@link EngineLifecycle}; each function's queue is consumed by
 * {@link EventRuntimeLifecycle.Consumers}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(DurableFunction.class)
class EventRuntimeFunctionsConfiguration {
  private static final Logger LOG =
      LoggerFactory.getLogger(EventRuntimeFunctionsConfiguration.class);

  /**
   * The runs, in the runtime's schema on the service's own database, lending the engine at most the
   * connections {@link ConnectionBudget} counts for it: many attempts wait their turn there rather
   * than in the pool.
   */
  @Bean
  @ConditionalOnMissingBean
  RunStore eventRuntimeRunStore(
      EventRuntimeAutoConfiguration.RuntimeSchemaMigration schema,
      DataSource dataSource,
      EventRuntimeProperties properties,
      OutboxSignal outboxCommitted) {
    return new PostgresRunStore(
        new ConnectionLimit(dataSource, ConnectionBudget.runStoreConnections(properties.engine())),
        outboxCommitted);
  }

  @Bean
  EngineSettings eventRuntimeEngineSettings(EventRuntimeProperties properties, Environment env) {
    String service = EventRuntimeAutoConfiguration.serviceName(properties, env);
    EventRuntimeProperties.Engine engine = properties.engine();
    return new EngineSettings(
        service,
        service + "-" + UUID.randomUUID(),
        engine.workers(),
        engine.leaseFor(),
        engine.claimBatch(),
        engine.pollInterval(),
        limits(engine.limits()));
  }

  @Bean(destroyMethod = "")
  EngineWorkers eventRuntimeEngineWorkers(
      EngineSettings settings, EventRuntimeProperties properties) {
    WorkerKind kind = WorkerThreads.resolve(properties.engine().workerKind());
    LOG.info(
        "Durable functions run up to {} attempts at once on {} threads, their store calls on {}"
            + " connections",
        settings.workers(),
        kind.name().toLowerCase(Locale.ROOT),
        ConnectionBudget.runStoreConnections(properties.engine()));
    return EngineWorkers.of(settings.service(), settings.workers(), kind);
  }

  @Bean
  DurableEngine eventRuntimeEngine(
      RunStore store,
      ObjectProvider<DurableFunction> functions,
      EventCodec codec,
      EngineSettings settings,
      EngineWorkers workers,
      EventRuntimeProperties properties,
      ObjectProvider<OpenTelemetry> openTelemetry,
      ObjectProvider<MeterRegistry> meterRegistry) {
    DurableEngine.Builder builder =
        DurableEngine.builder(store, settings)
            .codec(codec)
            .functions(functions.orderedStream().toList())
            .executors(workers.attempts(), workers.branches())
            .cronPollInterval(properties.engine().cronPollInterval())
            .openTelemetry(EventRuntimeAutoConfiguration.openTelemetry(openTelemetry));
    MeterRegistry registry = meterRegistry.getIfUnique();
    if (registry != null) {
      builder.meterRegistry(registry);
    }
    return builder.build();
  }

  private static Limits limits(EventRuntimeProperties.Limits limits) {
    return new Limits(
        bytes(limits.maxStepOutput(), "max-step-output"),
        bytes(limits.maxEvent(), "max-event"),
        limits.maxStepsPerRun());
  }

  private static int bytes(DataSize size, String name) {
    if (size.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalStateException(
          "event-runtime.engine.limits.%s must be below 2GB, was %s".formatted(name, size));
    }
    return (int) size.toBytes();
  }

  @Bean
  EngineLifecycle eventRuntimeEngineLifecycle(
      DurableEngine engine, EngineWorkers workers, EventRuntimeProperties properties) {
    return new EngineLifecycle(engine, workers, properties.engine());
  }
}
