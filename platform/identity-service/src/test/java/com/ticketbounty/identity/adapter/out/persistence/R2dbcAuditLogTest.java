package com.ticketbounty.identity.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.identity.domain.AuditAction;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.testsupport.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.core.DatabaseClient;

/** The audit log on the real PostgreSQL: an event's row is written once however often it comes. */
class R2dbcAuditLogTest {
  private static final TestDatabase DATABASE = TestDatabase.create("identity_audit");

  static {
    Flyway.configure().dataSource(DATABASE.dataSource()).load().migrate();
  }

  private final R2dbcAuditLog audit =
      new R2dbcAuditLog(
          DatabaseClient.create(
              ConnectionFactories.get(
                  DATABASE
                      .r2dbcUrl()
                      .replace(
                          "r2dbc:postgresql://", "r2dbc:postgresql://" + DATABASE.user() + "@"))));
  private final JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());

  @AfterAll
  static void drop() {
    DATABASE.close();
  }

  @Test
  void writesTheRowOfOneEventOnceAndRowsWithoutEventEveryTime() {
    UUID user = UUID.randomUUID();
    UUID event = UUID.randomUUID();
    AuditEntry announced =
        new AuditEntry(
            AuditAction.PASSWORD_CHANGE_ANNOUNCED, user, null, "how changed", Instant.now(), event);
    AuditEntry signedIn =
        AuditEntry.of(AuditAction.SIGNED_IN, user, "192.0.2.1", null, Instant.now());

    audit.record(announced).block();
    audit.record(announced).block();
    audit.record(signedIn).block();
    audit.record(signedIn).block();

    assertThat(rows(user, "password-change-announced")).isEqualTo(1);
    assertThat(rows(user, "signed-in")).isEqualTo(2);
  }

  private long rows(UUID user, String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE user_id = ? AND action = ?")
        .param(user)
        .param(action)
        .query(Long.class)
        .single();
  }
}
