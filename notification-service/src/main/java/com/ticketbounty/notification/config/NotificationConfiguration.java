package com.ticketbounty.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the service's settings. The providers are wired in {@link ProviderConfiguration}, the read
 * models and queue in {@link ReadModelConfiguration}, the use cases in {@link
 * UseCaseConfiguration}, the durable functions in {@link FunctionConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {}
