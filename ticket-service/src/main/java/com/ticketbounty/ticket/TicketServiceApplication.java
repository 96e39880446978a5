package com.ticketbounty.ticket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tickets: open and read them; every new ticket is announced as {@code app/ticket.created}. */
@SpringBootApplication
public class TicketServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(TicketServiceApplication.class, args);
  }
}
