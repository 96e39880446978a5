package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.engine.EngineSettings;
import com.ticketbounty.eventruntime.engine.Limits;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.postgres.PostgresRunStore;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The durable-function engine, when the service has {@link DurableFunction} beans: built on the
 * service's {@link RunStore}, run by {@link EngineLifecycle}; each function's queue is consumed by
 * {@link EventRuntimeLifecycle.Consumers}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(DurableFunction.class)
class EventRuntimeFunctionsConfiguration {

  /** The runs, in the runtime's schema on the service's own database. */
  @Bean
  @ConditionalOnMissingBean
  RunStore eventRuntimeRunStore(
      EventRuntimeAutoConfiguration.RuntimeSchemaMigration schema, DataSource dataSource) {
    return new PostgresRunStore(dataSource);
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
        Limits.DEFAULTS);
  }

  @Bean(destroyMethod = "")
  EngineWorkers eventRuntimeEngineWorkers(EngineSettings settings) {
    return EngineWorkers.of(settings.service(), settings.workers());
  }

  @Bean
  DurableEngine eventRuntimeEngine(
      RunStore store,
      ObjectProvider<DurableFunction> functions,
      EventCodec codec,
      EngineSettings settings,
      EngineWorkers workers,
      EventRuntimeProperties properties) {
    return DurableEngine.builder(store, settings)
        .codec(codec)
        .functions(functions.orderedStream().toList())
        .executors(workers.attempts(), workers.branches())
        .cronPollInterval(properties.engine().cronPollInterval())
        .build();
  }

  @Bean
  EngineLifecycle eventRuntimeEngineLifecycle(
      DurableEngine engine, EngineWorkers workers, EventRuntimeProperties properties) {
    return new EngineLifecycle(engine, workers, properties.engine());
  }
}
