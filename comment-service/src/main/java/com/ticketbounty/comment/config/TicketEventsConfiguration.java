package com.ticketbounty.comment.config;

import com.ticketbounty.comment.adapter.in.events.TicketProjections;
import com.ticketbounty.comment.application.LearnTicket;
import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.ticket.TicketAssigned;
import com.ticketbounty.events.ticket.TicketCreated;
import com.ticketbounty.events.ticket.TicketDeleted;
import com.ticketbounty.events.ticket.TicketUpdated;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections that feed the read model of tickets; each bean's name names its queue ({@code
 * ticketCreated} → {@code <prefix>comment-service.ticket-created}), so keep them.
 */
@Configuration(proxyBeanMethods = false)
public class TicketEventsConfiguration {

  @Bean
  TicketProjections ticketProjections(LearnTicket learnTicket) {
    return new TicketProjections(learnTicket);
  }

  @Bean
  Projection<TicketCreated> ticketCreated(TicketProjections projections) {
    return projections.created();
  }

  @Bean
  Projection<TicketUpdated> ticketUpdated(TicketProjections projections) {
    return projections.updated();
  }

  @Bean
  Projection<TicketAssigned> ticketAssigned(TicketProjections projections) {
    return projections.assigned();
  }

  @Bean
  Projection<TicketDeleted> ticketDeleted(TicketProjections projections) {
    return projections.deleted();
  }
}
