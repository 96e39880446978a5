package com.ticketbounty.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one HTTP entry point: routes the public API to the services (never the internal one), after
 * checking the access token, CORS, rate limits and body size, and serves the merged OpenAPI
 * document. See {@link EdgeFilterOrder} for what runs before routing.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {
  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }
}
