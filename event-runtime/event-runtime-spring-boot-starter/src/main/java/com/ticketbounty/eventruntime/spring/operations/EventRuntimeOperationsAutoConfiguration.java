package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.engine.DurableEngine;
import com.ticketbounty.eventruntime.outbox.OutboxSignal;
import com.ticketbounty.eventruntime.postgres.PostgresOperatorActionStore;
import com.ticketbounty.eventruntime.postgres.PostgresRunQueries;
import com.ticketbounty.eventruntime.rabbitmq.DeadLetterRedrive;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.eventruntime.spi.RunQueries;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spring.EventRuntimeAutoConfiguration;
import com.ticketbounty.eventruntime.spring.EventRuntimeProperties;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The operations API under {@value #ROOT}, for services that serve HTTP with WebFlux. Every route
 * is guarded by the service's {@link OperationsAccess} (or {@link OperationsAccess#CLOSED} when it
 * has none).
 */
@AutoConfiguration(after = EventRuntimeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(DeadLetterStore.class)
public class EventRuntimeOperationsAutoConfiguration {
  /** Where the routes live; only their own guard decides who reaches them. */
  public static final String ROOT = "/internal/runtime";

  private static final Logger LOG =
      LoggerFactory.getLogger(EventRuntimeOperationsAutoConfiguration.class);

  @Bean
  OperationsGuard eventRuntimeOperationsGuard(ObjectProvider<OperationsAccess> access) {
    OperationsAccess given = access.getIfUnique();
    if (given == null) {
      LOG.warn(
          "No (single) OperationsAccess bean: the operations API under {} refuses every request",
          ROOT);
      return new OperationsGuard(OperationsAccess.CLOSED);
    }
    return new OperationsGuard(given);
  }

  /** The audit of operator actions, in the service's database beside its runs. */
  @Bean
  PostgresOperatorActionStore eventRuntimeOperatorActions(DataSource dataSource) {
    return new PostgresOperatorActionStore(dataSource);
  }

  @Bean
  RouterFunction<ServerResponse> eventRuntimeAuditRoutes(
      OperationsGuard guard, Environment env, PostgresOperatorActionStore actions) {
    return guard.guard(new AuditRoutes(service(env), actions).routes());
  }

  @Bean
  RouterFunction<ServerResponse> eventRuntimeDeadLetterRoutes(
      OperationsGuard guard,
      Environment env,
      DeadLetterStore store,
      DeadLetterRedrive redrive,
      PostgresOperatorActionStore actions) {
    return guard.guard(
        new DeadLetterRoutes(service(env), store, redrive, new OperatorAudit(actions)).routes());
  }

  @Bean
  RouterFunction<ServerResponse> eventRuntimeEventRoutes(
      OperationsGuard guard,
      DataSource dataSource,
      EventCodec codec,
      OutboxSignal outboxCommitted,
      ObjectProvider<DurableEngine> engine,
      ObjectProvider<Subscription<?>> subscriptions,
      EventRuntimeProperties properties,
      ResourceLoader resources,
      PostgresOperatorActionStore actions) {
    KnownContracts contracts =
        new KnownContracts(
            () -> consumedContracts(engine, subscriptions),
            properties.contractPackages(),
            resources.getClassLoader());
    return guard.guard(
        new EventRoutes(dataSource, codec, outboxCommitted, contracts, actions).routes());
  }

  /** The contracts the service's functions and subscriptions read. */
  private static List<Class<?>> consumedContracts(
      ObjectProvider<DurableEngine> engine, ObjectProvider<Subscription<?>> subscriptions) {
    List<Class<?>> consumed = new ArrayList<>();
    subscriptions.orderedStream().forEach(subscription -> consumed.add(subscription.contract()));
    engine.ifAvailable(running -> running.functions().forEach(f -> consumed.addAll(f.contracts())));
    return consumed;
  }

  /** Functions and runs, where the service has durable functions. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(DurableEngine.class)
  static class Runs {
    @Bean
    RunQueries eventRuntimeRunQueries(DataSource dataSource) {
      return new PostgresRunQueries(dataSource);
    }

    @Bean
    RouterFunction<ServerResponse> eventRuntimeRunRoutes(
        OperationsGuard guard,
        Environment env,
        DurableEngine engine,
        RunStore store,
        RunQueries queries,
        PostgresOperatorActionStore actions) {
      return guard.guard(
          new RunRoutes(
                  engine,
                  store,
                  queries,
                  new RunViews(service(env), id -> engine.function(id).isPresent()),
                  new OperatorAudit(actions))
              .routes());
    }
  }

  static String service(Environment env) {
    return env.getProperty(
        "event-runtime.service-name", env.getProperty("spring.application.name", "service"));
  }
}
