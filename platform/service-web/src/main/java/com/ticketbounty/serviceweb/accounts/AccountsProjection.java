package com.ticketbounty.serviceweb.accounts;

import com.ticketbounty.eventruntime.stream.Projection;
import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies identity-service's account events to {@code service_web.accounts}, with JDBC, so each
 * write commits with the event's inbox row. Duplicates are dropped by that inbox; an event older
 * than what the row holds (a lower version, delivered late) changes nothing, so the read model
 * converges whatever the delivery order.
 */
public final class AccountsProjection {
  private final JdbcClient jdbc;

  public AccountsProjection(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public Projection<AccountCreated> created() {
    return Projection.of(
        AccountCreated.class,
        delivery ->
            apply(delivery.data().userId(), delivery.data().username(), delivery.data().version()));
  }

  public Projection<AccountProfileUpdated> profileUpdated() {
    return Projection.of(
        AccountProfileUpdated.class,
        delivery ->
            apply(delivery.data().userId(), delivery.data().username(), delivery.data().version()));
  }

  void apply(UUID userId, String username, long version) {
    jdbc.sql(
            "INSERT INTO service_web.accounts AS account (user_id, username, version) VALUES (?, ?, ?)"
                + " ON CONFLICT (user_id) DO UPDATE SET username = excluded.username,"
                + " version = excluded.version WHERE account.version < excluded.version")
        .param(userId)
        .param(username)
        .param(version)
        .update();
  }
}
