package com.ticketbounty.notification.config;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.notification.adapter.in.events.TicketCreatedFunction;
import com.ticketbounty.notification.application.EmailSender;
import com.ticketbounty.notification.application.SendTicketConfirmation;
import com.ticketbounty.notification.domain.AppLinks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases to their adapters; the event runtime picks up the durable functions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {
  @Bean
  SendTicketConfirmation sendTicketConfirmation(
      EmailSender emailSender, NotificationProperties properties) {
    return new SendTicketConfirmation(
        emailSender, properties.email().from(), new AppLinks(properties.appBaseUrl()));
  }

  @Bean
  DurableFunction ticketCreatedFunction(SendTicketConfirmation sendTicketConfirmation) {
    return new TicketCreatedFunction(sendTicketConfirmation).function();
  }
}
