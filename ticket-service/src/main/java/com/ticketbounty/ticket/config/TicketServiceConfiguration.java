package com.ticketbounty.ticket.config;

import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.ticket.adapter.out.messaging.EventRuntimeTicketEvents;
import com.ticketbounty.ticket.adapter.out.persistence.R2dbcTickets;
import com.ticketbounty.ticket.adapter.out.persistence.R2dbcUnitOfWork;
import com.ticketbounty.ticket.application.OpenTicket;
import com.ticketbounty.ticket.application.ShowTicket;
import com.ticketbounty.ticket.application.TicketEvents;
import com.ticketbounty.ticket.application.Tickets;
import com.ticketbounty.ticket.application.UnitOfWork;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Which adapter serves which port. Transactions are the reactive (R2DBC) transaction manager's: the
 * JDBC DataSource beside it serves only Flyway and event-runtime's own work.
 */
@Configuration(proxyBeanMethods = false)
public class TicketServiceConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  TransactionalOperator ticketTransactions(ReactiveTransactionManager transactionManager) {
    return TransactionalOperator.create(transactionManager);
  }

  @Bean
  UnitOfWork unitOfWork(TransactionalOperator ticketTransactions) {
    return new R2dbcUnitOfWork(ticketTransactions);
  }

  @Bean
  Tickets tickets(DatabaseClient database) {
    return new R2dbcTickets(database);
  }

  @Bean
  TicketEvents ticketEvents(TransactionalEventPublisher publisher) {
    return new EventRuntimeTicketEvents(publisher);
  }

  @Bean
  OpenTicket openTicket(Tickets tickets, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    return new OpenTicket(tickets, events, unitOfWork, clock);
  }

  @Bean
  ShowTicket showTicket(Tickets tickets) {
    return new ShowTicket(tickets);
  }
}
