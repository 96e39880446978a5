package com.ticketbounty.notification.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.notification.application.EmailNotSentException;
import com.ticketbounty.notification.application.SinkEmail;
import com.ticketbounty.notification.domain.Email;
import com.ticketbounty.testsupport.TcpProxy;
import com.ticketbounty.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The local e-mail sink on the machine's PostgreSQL, with the service's own migrations. */
class JdbcEmailSinkTest {
  private static final TestDatabase DATABASE = TestDatabase.create("notification_sink");
  private static final Email EMAIL =
      new Email(
          "TicketBounty <noreply@ticketbounty.local>",
          List.of("ada@example.com", "grace@example.com"),
          "Ticket created: Fix the login page",
          "<p>Fix the login page</p>",
          "Fix the login page",
          Map.of("List-Unsubscribe", "<https://app.example.com/settings/notifications>"));

  private final JdbcEmailSink sink = new JdbcEmailSink(DATABASE.dataSource());

  @BeforeAll
  static void migrate() {
    Flyway.configure()
        .dataSource(DATABASE.dataSource())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }

  @BeforeEach
  void emptySink() {
    JdbcClient.create(DATABASE.dataSource()).sql("DELETE FROM email_sink").update();
  }

  @Test
  void keepsEverythingTheProviderWouldHaveReceived() {
    Instant before = Instant.now().minusSeconds(60);

    sink.send(EMAIL, "run-1:send-confirmation");

    SinkEmail kept = sink.newest(10, Optional.empty()).get(0);
    assertThat(kept.email()).isEqualTo(EMAIL);
    assertThat(kept.idempotencyKey()).isEqualTo("run-1:send-confirmation");
    assertThat(kept.createdAt()).isAfter(before);
  }

  @Test
  void keepsOneEmailPerIdempotencyKey() {
    sink.send(EMAIL, "run-1:send-confirmation");
    sink.send(EMAIL, "run-1:send-confirmation");
    sink.send(EMAIL, "run-2:send-confirmation");

    assertThat(sink.newest(10, Optional.empty()))
        .extracting(SinkEmail::idempotencyKey)
        .containsExactly("run-2:send-confirmation", "run-1:send-confirmation");
  }

  @Test
  void keepsTheFirstEmailWhenAKeyComesBackWithAnotherOne() {
    sink.send(EMAIL, "run-1:send-confirmation");
    sink.send(withSubject("Something else"), "run-1:send-confirmation");

    assertThat(sink.newest(10, Optional.empty()))
        .singleElement()
        .extracting(kept -> kept.email().subject())
        .isEqualTo(EMAIL.subject());
  }

  @Test
  void listsNewestFirstAndPagesBeforeAnId() {
    for (int n = 1; n <= 5; n++) {
      sink.send(withSubject("E-mail " + n), "key-" + n);
    }

    List<SinkEmail> first = sink.newest(2, Optional.empty());
    List<SinkEmail> second = sink.newest(2, Optional.of(first.get(1).id()));
    List<SinkEmail> last = sink.newest(2, Optional.of(second.get(1).id()));

    assertThat(first).extracting(SinkEmail::idempotencyKey).containsExactly("key-5", "key-4");
    assertThat(second).extracting(SinkEmail::idempotencyKey).containsExactly("key-3", "key-2");
    assertThat(last).extracting(SinkEmail::idempotencyKey).containsExactly("key-1");
    assertThat(sink.newest(2, Optional.of(last.get(0).id()))).isEmpty();
  }

  @Test
  void keepsAnEmailWithoutExtraHeaders() {
    Email plain = new Email(EMAIL.from(), EMAIL.to(), EMAIL.subject(), EMAIL.html(), EMAIL.text());

    sink.send(plain, "key-1");

    assertThat(sink.newest(1, Optional.empty()).get(0).email().headers()).isEmpty();
  }

  @Test
  void failsRetriablyWhenTheDatabaseCannotBeReached() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setUrl("jdbc:postgresql://127.0.0.1:" + TcpProxy.freePort() + "/" + DATABASE.name());
    nowhere.setUser(DATABASE.user());
    JdbcEmailSink unreachable = new JdbcEmailSink(nowhere);

    assertThatThrownBy(() -> unreachable.send(EMAIL, "key-1"))
        .isInstanceOf(EmailNotSentException.class)
        .hasMessageContaining("local e-mail sink");
  }

  private static Email withSubject(String subject) {
    return new Email(
        EMAIL.from(), EMAIL.to(), subject, EMAIL.html(), EMAIL.text(), EMAIL.headers());
  }
}
