package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.eventruntime.internal.EventCodec;
import com.ticketbounty.eventruntime.internal.OutboxRelay;
import com.ticketbounty.eventruntime.internal.engine.Engine;
import com.ticketbounty.eventruntime.postgres.PostgresRunQueries;
import com.ticketbounty.eventruntime.rabbitmq.DeadLetterRedrive;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.eventruntime.spi.RunQueries;
import com.ticketbounty.eventruntime.spi.RunStore;
import com.ticketbounty.eventruntime.spring.EventRuntimeAutoConfiguration;
import com.ticketbounty.eventruntime.spring.EventRuntimeProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The operations API, for services that serve HTTP with WebFlux. */
@AutoConfiguration(after = EventRuntimeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(DeadLetterStore.class)
@EnableConfigurationProperties(OperationsProperties.class)
public class EventRuntimeOperationsAutoConfiguration {

  @Bean
  AdminOnlyFilter eventRuntimeAdminOnly(OperationsProperties properties) {
    return new AdminOnlyFilter(new AdminTokens(properties.jwksUri()));
  }

  @Bean
  RouterFunction<ServerResponse> eventRuntimeDeadLetterRoutes(
      Environment env, DeadLetterStore store, DeadLetterRedrive redrive) {
    return new DeadLetterRoutes(service(env), store, redrive).routes();
  }

  @Bean
  RouterFunction<ServerResponse> eventRuntimeEventRoutes(
      DataSource dataSource,
      EventCodec codec,
      ObjectProvider<OutboxRelay> relay,
      ObjectProvider<Engine> engine,
      ObjectProvider<Subscription<?>> subscriptions,
      EventRuntimeProperties properties,
      ResourceLoader resources) {
    KnownContracts contracts =
        new KnownContracts(
            () -> consumedContracts(engine, subscriptions),
            properties.contractPackages(),
            resources.getClassLoader());
    return new EventRoutes(
            dataSource, codec, Optional.ofNullable(relay.getIfAvailable()), contracts)
        .routes();
  }

  /** The contracts the service's functions and subscriptions read. */
  private static List<Class<?>> consumedContracts(
      ObjectProvider<Engine> engine, ObjectProvider<Subscription<?>> subscriptions) {
    List<Class<?>> consumed = new ArrayList<>();
    subscriptions.orderedStream().forEach(subscription -> consumed.add(subscription.contract()));
    engine.ifAvailable(
        running -> running.functions().all().forEach(f -> consumed.addAll(f.contracts())));
    return consumed;
  }

  /** Functions and runs, where the service has durable functions. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(Engine.class)
  static class Runs {
    @Bean
    RunQueries eventRuntimeRunQueries(DataSource dataSource) {
      return new PostgresRunQueries(dataSource);
    }

    @Bean
    RouterFunction<ServerResponse> eventRuntimeRunRoutes(
        Environment env, Engine engine, RunStore store, RunQueries queries) {
      return new RunRoutes(engine, store, queries, new RunViews(service(env))).routes();
    }
  }

  static String service(Environment env) {
    return env.getProperty(
        "event-runtime.service-name", env.getProperty("spring.application.name", "service"));
  }
}
