package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test service at its own database and broker names. */
public final class TestService {
  private TestService() {}

  public static void register(
      DynamicPropertyRegistry registry, String name, TestDatabase database, TestRabbit rabbit) {
    registry.add("spring.application.name", () -> name);
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::user);
    registry.add("spring.r2dbc.url", database::r2dbcUrl);
    registry.add("spring.r2dbc.username", database::user);
    registry.add("event-runtime.name-prefix", rabbit::prefix);
  }

  /**
   * Starts {@code app} as a service starts, without a web server, for a test whose settings differ
   * from one start to the next (or that expects start-up to fail); the caller closes it.
   */
  public static ConfigurableApplicationContext start(
      Class<?> app, String name, TestDatabase database, TestRabbit rabbit, String... settings) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.main.web-application-type=none",
                "--spring.application.name=" + name,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.user(),
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.user(),
                "--event-runtime.name-prefix=" + rabbit.prefix()));
    arguments.addAll(List.of(settings));
    return new SpringApplicationBuilder(app).run(arguments.toArray(String[]::new));
  }
}
