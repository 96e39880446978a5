package com.ticketbounty.ticket.config;

import com.ticketbounty.ticket.application.Accounts;
import com.ticketbounty.ticket.application.AssignTicket;
import com.ticketbounty.ticket.application.ChangeTicketDetails;
import com.ticketbounty.ticket.application.ChangeTicketStatus;
import com.ticketbounty.ticket.application.CountTickets;
import com.ticketbounty.ticket.application.DeleteTicket;
import com.ticketbounty.ticket.application.FindTickets;
import com.ticketbounty.ticket.application.OpenTicket;
import com.ticketbounty.ticket.application.SearchTickets;
import com.ticketbounty.ticket.application.ShowTicket;
import com.ticketbounty.ticket.application.TicketEvents;
import com.ticketbounty.ticket.application.Tickets;
import com.ticketbounty.ticket.application.UnitOfWork;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, over whatever ports {@link TicketServiceConfiguration} provides. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

  @Bean
  SearchTickets searchTickets(FindTickets findTickets) {
    return new SearchTickets(findTickets);
  }

  @Bean
  ShowTicket showTicket(Tickets tickets, Accounts accounts) {
    return new ShowTicket(tickets, accounts);
  }

  @Bean
  CountTickets countTickets(Tickets tickets) {
    return new CountTickets(tickets);
  }

  @Bean
  OpenTicket openTicket(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    return new OpenTicket(tickets, accounts, events, unitOfWork, clock);
  }

  @Bean
  ChangeTicketDetails changeTicketDetails(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    return new ChangeTicketDetails(tickets, accounts, events, unitOfWork, clock);
  }

  @Bean
  ChangeTicketStatus changeTicketStatus(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    return new ChangeTicketStatus(tickets, accounts, events, unitOfWork, clock);
  }

  @Bean
  AssignTicket assignTicket(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork, Clock clock) {
    return new AssignTicket(tickets, accounts, events, unitOfWork, clock);
  }

  @Bean
  DeleteTicket deleteTicket(
      Tickets tickets, Accounts accounts, TicketEvents events, UnitOfWork unitOfWork) {
    return new DeleteTicket(tickets, accounts, events, unitOfWork);
  }
}
