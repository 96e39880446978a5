package com.ticketbounty.eventruntime.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.eventruntime.outbox.OutboxRelay;
import com.ticketbounty.eventruntime.outbox.RelaySettings;
import com.ticketbounty.eventruntime.spi.MessagePublisher;
import com.ticketbounty.eventruntime.spi.OutboxMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay's failures on a real outbox: what the operator reads is the failure that happened. */
class OutboxRelayOnPostgresTest {
  private static MigratedDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = MigratedDatabase.create("relay_failures", 4);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void aFailedSendIsWhatIsThrownWhenGivingItsBatchBackFailsToo() throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection connection = database.dataSource().getConnection()) {
      new OutboxWriter()
          .write(
              connection,
              new OutboxMessage(id, "app/ticket.created", "ticket-1", "{\"id\":1}", Map.of()));
    }
    // The broker and the database are lost together: the send fails, then so does the settle.
    AtomicBoolean cut = new AtomicBoolean();
    ForwardingDataSource cuttable =
        new ForwardingDataSource(database.dataSource()) {
          @Override
          public Connection getConnection() throws SQLException {
            if (cut.get()) {
              throw new SQLTransientConnectionException("database cut off");
            }
            return super.getConnection();
          }
        };
    MessagePublisher lost =
        new MessagePublisher() {
          @Override
          public Set<UUID> publish(List<OutboxMessage> batch) {
            cut.set(true);
            throw new IllegalStateException("broker gone");
          }

          @Override
          public void close() {}
        };
    OutboxRelay relay =
        new OutboxRelay(new PostgresOutboxStore(cuttable), lost, RelaySettings.DEFAULTS);

    assertThatThrownBy(relay::drainOnce)
        .hasMessage("broker gone")
        .satisfies(
            thrown ->
                assertThat(thrown.getSuppressed())
                    .singleElement()
                    .satisfies(
                        suppressed ->
                            assertThat(suppressed).hasStackTraceContaining("database cut off")));
  }
}
