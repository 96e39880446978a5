package com.ticketbounty.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Binds the service's settings. The providers are wired in {@link ProviderConfiguration}, the read
 * models and queue in {@link ReadModelConfiguration}, the use cases in {@link
 * UseCaseConfiguration}, the durable functions in {@link FunctionConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

  /**
   * Reactor Netty resources of this application alone. Boot's default shares the JVM-wide ones and
   * disposes them when the context closes, which kills the provider clients of any other context in
   * the same JVM (a second instance, a test's service stopped beside the shared one) with "event
   * executor terminated".
   */
  @Bean
  ReactorResourceFactory reactorResourceFactory() {
    ReactorResourceFactory factory = new ReactorResourceFactory();
    factory.setUseGlobalResources(false);
    return factory;
  }
}
