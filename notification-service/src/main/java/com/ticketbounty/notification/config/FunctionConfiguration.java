package com.ticketbounty.notification.config;

import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.notification.adapter.in.events.TicketCreatedFunction;
import com.ticketbounty.notification.application.ConfirmTicket;
import com.ticketbounty.notification.application.TrackTicketCreation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable functions of DESIGN.md §8 that notification-service runs; the event runtime gives
 * each its queue ({@code <prefix>notification-service.<function id>}) and runs it.
 */
@Configuration(proxyBeanMethods = false)
public class FunctionConfiguration {

  @Bean
  DurableFunction ticketCreatedFunction(
      ConfirmTicket confirmTicket, TrackTicketCreation trackTicketCreation) {
    return new TicketCreatedFunction(confirmTicket, trackTicketCreation).function();
  }
}
