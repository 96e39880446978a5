package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.internal.EventCodec;
import com.ticketbounty.eventruntime.internal.engine.CelExpressions;
import com.ticketbounty.eventruntime.internal.engine.Engine;
import com.ticketbounty.eventruntime.internal.engine.EngineSettings;
import com.ticketbounty.eventruntime.internal.engine.Limits;
import com.ticketbounty.eventruntime.internal.engine.StepOverrides;
import com.ticketbounty.eventruntime.postgres.PostgresRunStore;
import com.ticketbounty.eventruntime.spi.RunStore;
import java.security.SecureRandom;
import java.util.List;
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
  Engine eventRuntimeEngine(
      RunStore store,
      ObjectProvider<DurableFunction> functions,
      EventCodec codec,
      EngineSettings settings,
      EngineWorkers workers) {
    List<DurableFunction> all = functions.orderedStream().toList();
    return Engine.create(
        store,
        all,
        new CelExpressions(),
        settings,
        new SecureRandom(),
        StepOverrides.NONE,
        workers.attempts(),
        workers.branches(),
        codec);
  }

  @Bean
  EngineLifecycle eventRuntimeEngineLifecycle(
      Engine engine,
      RunStore store,
      EngineSettings settings,
      EngineWorkers workers,
      EventRuntimeProperties properties) {
    return new EngineLifecycle(engine, store, settings, workers, properties.engine());
  }
}
