package com.ticketbounty.eventruntime.spring.operations;

import com.ticketbounty.eventruntime.rabbitmq.DeadLetterRedrive;
import com.ticketbounty.eventruntime.spi.DeadLetterStore;
import com.ticketbounty.eventruntime.spring.EventRuntimeAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
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
    String service = env.getProperty("spring.application.name", "service");
    return new DeadLetterRoutes(service, store, redrive).routes();
  }
}
