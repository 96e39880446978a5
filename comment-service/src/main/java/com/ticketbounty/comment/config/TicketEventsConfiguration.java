package com.ticketbounty.comment.config;

import com.ticketbounty.comment.adapter.in.events.TicketSubscriptions;
import com.ticketbounty.comment.application.LearnTicket;
import com.ticketbounty.eventruntime.Subscription;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The subscriptions that feed the read model of tickets; event-runtime consumes every one. */
@Configuration(proxyBeanMethods = false)
public class TicketEventsConfiguration {

  @Bean
  TicketSubscriptions ticketSubscriptions(LearnTicket learnTicket) {
    return new TicketSubscriptions(learnTicket);
  }

  @Bean
  Subscription<TicketCreated> ticketCreatedSubscription(TicketSubscriptions subscriptions) {
    return subscriptions.created();
  }

  @Bean
  Subscription<TicketUpdated> ticketUpdatedSubscription(TicketSubscriptions subscriptions) {
    return subscriptions.updated();
  }

  @Bean
  Subscription<TicketAssigned> ticketAssignedSubscription(TicketSubscriptions subscriptions) {
    return subscriptions.assigned();
  }

  @Bean
  Subscription<TicketDeleted> ticketDeletedSubscription(TicketSubscriptions subscriptions) {
    return subscriptions.deleted();
  }
}
