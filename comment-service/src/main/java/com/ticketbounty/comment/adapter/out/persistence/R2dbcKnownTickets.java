package com.ticketbounty.comment.adapter.out.persistence;

import com.ticketbounty.comment.application.KnownTickets;
import com.ticketbounty.comment.domain.KnownTicket;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code known_tickets} table. {@link #learn} applies {@link KnownTicket#after(KnownTicket)} in
 * one upsert, so that two events of one ticket handled at once (they arrive on different queues)
 * cannot undo each other: the row lock orders them and the condition keeps the newer.
 */
public final class R2dbcKnownTickets implements KnownTickets {
  private static final String COLUMNS = "ticket_id, owner_id, version, deleted";
  // The rules of KnownTicket.after, as SQL: a deleted row never changes; a deletion always lands
  // (keeping the higher version); anything else lands only when its version is higher.
  private static final String LEARN =
      """
      INSERT INTO known_tickets AS known (ticket_id, owner_id, version, deleted)
      VALUES (:ticketId, :ownerId, :version, :deleted)
      ON CONFLICT (ticket_id) DO UPDATE
        SET owner_id = EXCLUDED.owner_id,
            version = GREATEST(known.version, EXCLUDED.version),
            deleted = EXCLUDED.deleted
        WHERE NOT known.deleted AND (EXCLUDED.deleted OR EXCLUDED.version > known.version)
      """;

  private final DatabaseClient database;

  public R2dbcKnownTickets(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<KnownTicket> find(UUID ticketId) {
    return database
        .sql("SELECT " + COLUMNS + " FROM known_tickets WHERE ticket_id = :ticketId")
        .bind("ticketId", ticketId)
        .map(R2dbcKnownTickets::toKnownTicket)
        .one();
  }

  /**
   * {@code FOR SHARE}: posts to one ticket do not wait for each other, but a deletion's upsert
   * waits for them; a post that waited for a deletion re-checks {@code NOT deleted} on the row as
   * the deletion left it (PostgreSQL's read-committed rule for locking reads), so finds nothing.
   */
  @Override
  public Mono<KnownTicket> holdLive(UUID ticketId) {
    return database
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM known_tickets WHERE ticket_id = :ticketId AND NOT deleted FOR SHARE")
        .bind("ticketId", ticketId)
        .map(R2dbcKnownTickets::toKnownTicket)
        .one();
  }

  @Override
  public Mono<Void> learn(KnownTicket news) {
    return database
        .sql(LEARN)
        .bind("ticketId", news.ticketId())
        .bind("ownerId", news.ownerId())
        .bind("version", news.version())
        .bind("deleted", news.deleted())
        .then();
  }

  private static KnownTicket toKnownTicket(Readable row) {
    return new KnownTicket(
        row.get("ticket_id", UUID.class),
        row.get("owner_id", UUID.class),
        row.get("version", Long.class),
        row.get("deleted", Boolean.class));
  }
}
