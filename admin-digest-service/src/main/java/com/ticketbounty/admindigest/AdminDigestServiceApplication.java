package com.ticketbounty.admindigest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts admin-digest-service. Its wiring is explicit, in {@code config}. */
@SpringBootApplication
public class AdminDigestServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AdminDigestServiceApplication.class, args);
  }
}
