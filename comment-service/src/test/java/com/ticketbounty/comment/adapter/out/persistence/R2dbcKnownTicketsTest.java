package com.ticketbounty.comment.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.comment.domain.KnownTicket;
import com.ticketbounty.testsupport.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The read model's SQL on the real PostgreSQL: its one-statement upsert decides exactly as {@link
 * KnownTicket#after(KnownTicket)} does, and a post's hold on a ticket makes the ticket's deletion
 * wait.
 */
class R2dbcKnownTicketsTest {
  private static final TestDatabase DATABASE = TestDatabase.create("comment_known_tickets");

  static {
    Flyway.configure().dataSource(DATABASE.dataSource()).load().migrate();
  }

  private final ConnectionFactory connections =
      ConnectionFactories.get(
          DATABASE
              .r2dbcUrl()
              .replace("r2dbc:postgresql://", "r2dbc:postgresql://" + DATABASE.user() + "@"));
  private final R2dbcKnownTickets knownTickets =
      new R2dbcKnownTickets(DatabaseClient.create(connections));
  private final TransactionalOperator transactions =
      TransactionalOperator.create(new R2dbcTransactionManager(connections));

  @AfterAll
  static void drop() {
    DATABASE.close();
  }

  @Test
  void decidesEveryNewsAsTheDomainDoes() {
    // Seeded, so a failure can be replayed: 120 random sequences of news about one ticket each.
    Random random = new Random(20261127);
    for (int round = 0; round < 120; round++) {
      UUID ticket = UUID.randomUUID();
      UUID owner = UUID.randomUUID();
      KnownTicket expected = null;
      List<KnownTicket> news = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(6); i++) {
        long version = random.nextInt(5);
        news.add(
            random.nextInt(5) == 0
                ? KnownTicket.deleted(ticket, owner, version)
                : KnownTicket.at(ticket, owner, version));
      }
      for (KnownTicket item : news) {
        knownTickets.learn(item).block();
        expected = expected == null ? item : expected.after(item);
      }

      assertThat(knownTickets.find(ticket).block()).as("after %s", news).isEqualTo(expected);
    }
  }

  @Test
  void holdsOnlyALiveTicket() {
    UUID live = UUID.randomUUID();
    UUID gone = UUID.randomUUID();
    knownTickets.learn(KnownTicket.at(live, UUID.randomUUID(), 1)).block();
    knownTickets.learn(KnownTicket.deleted(gone, UUID.randomUUID(), 1)).block();

    assertThat(transactions.transactional(knownTickets.holdLive(live)).block()).isNotNull();
    assertThat(transactions.transactional(knownTickets.holdLive(gone)).block()).isNull();
    assertThat(transactions.transactional(knownTickets.holdLive(UUID.randomUUID())).block())
        .isNull();
  }

  @Test
  void aDeletionWaitsForAPostHoldingTheTicket() {
    UUID ticket = UUID.randomUUID();
    UUID owner = UUID.randomUUID();
    knownTickets.learn(KnownTicket.at(ticket, owner, 1)).block();
    JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());

    // While a post's transaction holds the ticket, the deletion cannot get its row lock …
    transactions
        .transactional(
            knownTickets
                .holdLive(ticket)
                .then(Mono.fromRunnable(() -> assertDeletionBlocked(ticket))))
        .block();

    // … and once that transaction has ended, it lands.
    knownTickets.learn(KnownTicket.deleted(ticket, owner, 2)).block();
    assertThat(knownTickets.find(ticket).block().isLive()).isFalse();
    assertThat(
            jdbc.sql("SELECT deleted FROM known_tickets WHERE ticket_id = ?")
                .param(ticket)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  /** The deletion's upsert, on a connection of its own, gives up after a short lock wait. */
  private static void assertDeletionBlocked(UUID ticket) {
    JdbcClient jdbc = JdbcClient.create(DATABASE.dataSource());
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "SET lock_timeout = '300ms';"
                            + " UPDATE known_tickets SET deleted = true WHERE ticket_id = ?")
                    .param(ticket)
                    .update())
        .hasMessageContaining("lock timeout");
  }
}
