package com.ticketbounty.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Identity: sign-up, sign-in, sessions with rotating refresh tokens, password reset and change,
 * e-mail verification, and the RS256 access tokens every other service verifies through the JWKS.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(IdentityServiceApplication.class, args);
  }
}
