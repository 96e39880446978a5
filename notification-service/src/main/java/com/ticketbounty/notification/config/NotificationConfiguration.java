package com.ticketbounty.notification.config;

import com.ticketbounty.notification.adapter.out.email.LoggingEmailSender;
import com.ticketbounty.notification.adapter.out.email.ResendEmailSender;
import com.ticketbounty.notification.adapter.out.email.ResendSettings;
import com.ticketbounty.notification.application.EmailSender;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the e-mail provider. The read models and queue are wired in {@link ReadModelConfiguration},
 * the use cases in {@link UseCaseConfiguration}, the durable functions in {@link
 * FunctionConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationConfiguration.class);

  /** The provider when {@code EMAIL_BASE_URL} is set, otherwise a log line per e-mail. */
  @Bean
  EmailSender emailSender(NotificationProperties properties, WebClient.Builder webClient) {
    NotificationProperties.EmailProvider email = properties.email();
    if (!email.configured()) {
      LOG.info("EMAIL_BASE_URL is unset: e-mails are logged, not sent");
      return new LoggingEmailSender();
    }
    String baseUrl = Objects.requireNonNull(email.baseUrl());
    LOG.info("E-mails are sent through {}", baseUrl);
    return ResendEmailSender.create(
        webClient,
        new ResendSettings(
            baseUrl, Objects.requireNonNullElse(email.apiKey(), ""), email.timeout()));
  }
}
