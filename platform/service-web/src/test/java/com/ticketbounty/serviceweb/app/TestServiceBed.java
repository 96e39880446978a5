package com.ticketbounty.serviceweb.app;

import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestIdentity;
import com.ticketbounty.testsupport.TestRabbit;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the small test service stands on, one per test class: a database of its own (with the {@code
 * things} table its controller writes), broker names of its own, and a {@link TestIdentity} whose
 * JWKS it trusts. {@link #close()} removes the queues service-web declares, the database and the
 * JWKS server.
 */
public record TestServiceBed(
    String service, TestDatabase database, TestRabbit rabbit, TestIdentity identity)
    implements AutoCloseable {

  public static TestServiceBed start(String purpose, String service) {
    TestDatabase database = TestDatabase.create(purpose);
    JdbcClient.create(database.dataSource())
        .sql(
            "CREATE TABLE things (id uuid PRIMARY KEY, owner_id uuid NOT NULL, name text NOT NULL)")
        .update();
    return new TestServiceBed(service, database, new TestRabbit(), TestIdentity.start());
  }

  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.application.name", this::service);
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::user);
    registry.add("spring.r2dbc.url", database::r2dbcUrl);
    registry.add("spring.r2dbc.username", database::user);
    registry.add("event-runtime.name-prefix", rabbit::prefix);
    registry.add("ticketbounty.security.jwks-uri", identity::jwksUri);
  }

  @Override
  public void close() {
    String prefix = rabbit.prefix() + service + ".";
    List<String> queues =
        Stream.of("session-ended", "accounts-created", "accounts-profile-updated")
            .flatMap(queue -> Stream.of(prefix + queue, prefix + queue + ".dlq"))
            .toList();
    try {
      rabbit.delete(queues, List.of(rabbit.prefix() + "events", rabbit.prefix() + "events.dlx"));
      identity.close();
    } finally {
      database.close();
    }
  }
}
