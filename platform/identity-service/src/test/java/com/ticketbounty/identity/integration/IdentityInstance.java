package com.ticketbounty.identity.integration;

import com.ticketbounty.identity.IdentityServiceApplication;
import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One identity-service started as a process would start it (its own context, a real port) on a
 * given database, for tests that stop and start the service on data an earlier start — or an
 * earlier version — left behind. Settings are passed as command-line arguments, which outrank
 * application.yml.
 */
final class IdentityInstance implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final WebTestClient client;

  private IdentityInstance(ConfigurableApplicationContext context) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.client =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  /** Starts on {@code database}, with {@code settings} as {@code name=value}. */
  static IdentityInstance start(TestDatabase database, TestRabbit rabbit, String... settings) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--server.port=0");
    arguments.add("--spring.datasource.url=" + database.jdbcUrl());
    arguments.add("--spring.datasource.username=" + database.user());
    arguments.add("--spring.r2dbc.url=" + database.r2dbcUrl());
    arguments.add("--spring.r2dbc.username=" + database.user());
    arguments.add("--event-runtime.name-prefix=" + rabbit.prefix());
    for (String setting : settings) {
      arguments.add("--" + setting);
    }
    return new IdentityInstance(
        new SpringApplicationBuilder(IdentityServiceApplication.class)
            .run(arguments.toArray(String[]::new)));
  }

  WebTestClient client() {
    return client;
  }

  @Override
  public void close() {
    context.close();
  }
}
