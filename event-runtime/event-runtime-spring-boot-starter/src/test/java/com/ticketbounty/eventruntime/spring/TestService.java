package com.ticketbounty.eventruntime.spring;

import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
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
}
