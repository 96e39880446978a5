package com.ticketbounty.eventruntime.stream;

import com.ticketbounty.eventruntime.codec.EventCodec;
import com.ticketbounty.eventruntime.postgres.PostgresInboxStore;
import com.ticketbounty.eventruntime.rabbitmq.RabbitConnector;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.eventruntime.spring.EventRuntimeAutoConfiguration;
import com.ticketbounty.eventruntime.spring.EventRuntimeProperties;
import com.ticketbounty.eventruntime.spring.SpringConnectionScope;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Projections ({@link Projection} beans) on Spring Cloud Stream's Rabbit binder, or on
 * event-runtime's own consumer when {@code event-runtime.projections.consumer=runtime}.
 */
@AutoConfiguration(
    after = EventRuntimeAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration"
    })
@ConditionalOnBean(RabbitConnector.class)
@EnableConfigurationProperties(ProjectionProperties.class)
public class ProjectionsAutoConfiguration {

  @Bean
  static ProjectionBindings eventRuntimeProjectionBindings() {
    return new ProjectionBindings();
  }

  @Bean
  DeadLetterStrategy eventRuntimeDeadLetterStrategy(RabbitConnector connector) {
    return new DeadLetterStrategy(connector.names().deadLetterExchange());
  }

  @Bean
  ProjectionConsumers eventRuntimeProjectionConsumers(
      ProjectionProperties properties,
      EventRuntimeProperties runtime,
      @Qualifier(ProjectionBindings.QUEUES_BEAN) ProjectionBindings.ProjectionQueues queues,
      ListableBeanFactory beans,
      EventCodec codec,
      DataSource dataSource,
      ObjectProvider<R2dbcInbox> reactiveInbox,
      RabbitConnector connector,
      DeadLetterStore deadLetters) {
    @SuppressWarnings({"rawtypes", "unchecked"})
    Map<String, Projection<?>> projections = (Map) beans.getBeansOfType(Projection.class);
    Inboxes inboxes =
        new Inboxes(
            new PostgresInboxStore(dataSource, new SpringConnectionScope(dataSource)),
            reactiveInbox.getIfAvailable(),
            properties.patience());
    return new ProjectionConsumers(
        properties.consumer(),
        queues.queues(),
        projections,
        codec,
        inboxes,
        connector,
        deadLetters,
        runtime.consumer().threads());
  }

  /** For projections that write with R2DBC, in services that have it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(DatabaseClient.class)
  @ConditionalOnBean({ConnectionFactory.class, ReactiveTransactionManager.class})
  static class Reactive {
    @Bean
    R2dbcInbox eventRuntimeReactiveInbox(
        ConnectionFactory connectionFactory, ReactiveTransactionManager transactions) {
      return new R2dbcInbox(
          DatabaseClient.create(connectionFactory), TransactionalOperator.create(transactions));
    }
  }
}
