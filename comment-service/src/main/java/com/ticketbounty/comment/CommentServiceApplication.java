package com.ticketbounty.comment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Comments on tickets: read them, post, edit and delete them; every change is announced as an
 * {@code app/comment.*} event. Learns of tickets from ticket-service's events.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommentServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(CommentServiceApplication.class, args);
  }
}
