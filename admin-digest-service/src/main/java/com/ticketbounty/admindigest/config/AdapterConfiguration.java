package com.ticketbounty.admindigest.config;

import com.ticketbounty.admindigest.adapter.out.http.AttemptSettings;
import com.ticketbounty.admindigest.adapter.out.http.BreakerSettings;
import com.ticketbounty.admindigest.adapter.out.http.OwnerUrls;
import com.ticketbounty.admindigest.adapter.out.http.WebClientFigures;
import com.ticketbounty.serviceweb.client.ServiceTokens;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Which adapter serves which port. resilience4j's core modules are used directly, without their
 * Spring Boot integration: a breaker, a retry and a time limit per owner need no more, and the Boot
 * 3/Boot 4 starter trap (STACK.md) does not arise.
 */
@Configuration(proxyBeanMethods = false)
public class AdapterConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** A bean of its own type, so that tests can watch its circuit breakers. */
  @Bean
  WebClientFigures figures(
      WebClient.Builder webClient,
      ServiceTokens serviceTokens,
      AdminDigestProperties properties,
      Clock clock) {
    AdminDigestProperties.Services services = properties.services();
    AdminDigestProperties.Calls calls = properties.calls();
    AdminDigestProperties.CircuitBreaker breaker = properties.circuitBreaker();
    return WebClientFigures.create(
        webClient,
        serviceTokens,
        new OwnerUrls(services.identityUrl(), services.ticketUrl(), services.commentUrl()),
        new AttemptSettings(calls.timeout(), calls.attempts(), calls.backoff()),
        new BreakerSettings(breaker.failureRate(), breaker.window(), breaker.openFor()),
        clock);
  }
}
