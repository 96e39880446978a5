package com.ticketbounty.ticket.config;

import com.ticketbounty.eventruntime.spring.TransactionalEventPublisher;
import com.ticketbounty.serviceweb.accounts.AccountNames;
import com.ticketbounty.serviceweb.ratelimit.AttemptLimit;
import com.ticketbounty.serviceweb.ratelimit.AttemptStore;
import com.ticketbounty.ticket.adapter.out.messaging.EventRuntimeTicketEvents;
import com.ticketbounty.ticket.adapter.out.persistence.R2dbcFindTickets;
import com.ticketbounty.ticket.adapter.out.persistence.R2dbcTickets;
import com.ticketbounty.ticket.adapter.out.persistence.R2dbcUnitOfWork;
import com.ticketbounty.ticket.adapter.out.persistence.ServiceWebAccounts;
import com.ticketbounty.ticket.application.Accounts;
import com.ticketbounty.ticket.application.FindTickets;
import com.ticketbounty.ticket.application.TicketEvents;
import com.ticketbounty.ticket.application.Tickets;
import com.ticketbounty.ticket.application.UnitOfWork;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Which adapter serves which port. Transactions are the reactive (R2DBC) transaction manager's: the
 * JDBC DataSource beside it serves only Flyway, service-web's projections and event-runtime's own
 * work. {@link AccountNames} is service-web's accounts read model, which application.yml enables.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketServiceProperties.class)
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
  FindTickets findTickets(DatabaseClient database) {
    return new R2dbcFindTickets(database);
  }

  @Bean
  Accounts accounts(AccountNames accountNames) {
    return new ServiceWebAccounts(accountNames);
  }

  /** Tickets per account per minute, counted in service-web's store on this service's database. */
  @Bean
  AttemptLimit openingTickets(AttemptStore store, TicketServiceProperties properties) {
    return AttemptLimit.perMinute(store, "open-ticket", properties.rateLimits().ticketsPerMinute());
  }

  @Bean
  TicketEvents ticketEvents(TransactionalEventPublisher publisher) {
    return new EventRuntimeTicketEvents(publisher);
  }
}
