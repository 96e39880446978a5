package com.ticketbounty.ticket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Tickets: open, list, read, change, assign and delete them; every change is announced as an event
 * ({@code app/ticket.created}, {@code .updated}, {@code .assigned}, {@code .deleted}).
 */
@SpringBootApplication
public class TicketServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(TicketServiceApplication.class, args);
  }
}
