package com.ticketbounty.comment.config;

import com.ticketbounty.comment.adapter.out.http.WebClientTicketDirectory;
import com.ticketbounty.comment.application.TicketDirectory;
import com.ticketbounty.serviceweb.client.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The guarded client of ticket-service. resilience4j's core modules are used directly, without
 * their Spring Boot integration: one breaker, one retry and one time limit around one call need no
 * more, and the Boot 3/Boot 4 starter trap (STACK.md) does not arise.
 */
@Configuration(proxyBeanMethods = false)
public class TicketServiceClientConfiguration {

  /** A bean, so that its state can be watched (and, in tests, reset). */
  @Bean
  CircuitBreaker ticketServiceBreaker(TicketServiceProperties properties) {
    return CircuitBreaker.of(
        "ticket-service",
        CircuitBreakerConfig.custom()
            .failureRateThreshold(properties.failureRate())
            .slidingWindowSize(properties.window())
            .minimumNumberOfCalls(Math.max(1, properties.window() / 2))
            .waitDurationInOpenState(properties.openFor())
            .permittedNumberOfCallsInHalfOpenState(2)
            .build());
  }

  @Bean
  TicketDirectory ticketDirectory(
      WebClient.Builder builder,
      ServiceTokens serviceTokens,
      CircuitBreaker ticketServiceBreaker,
      TicketServiceProperties properties) {
    return WebClientTicketDirectory.create(
        builder.baseUrl(properties.baseUrl()).build(),
        serviceTokens,
        ticketServiceBreaker,
        properties.timeout(),
        properties.attempts(),
        properties.backoff());
  }
}
