package com.ticketbounty.ticket.adapter.out.persistence;

import com.ticketbounty.ticket.application.TicketCount;
import com.ticketbounty.ticket.application.Tickets;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketDetails;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code tickets} table. Statements run on the connection of the current reactive transaction
 * when there is one (Spring binds it in the Reactor context), so they commit with it.
 */
public final class R2dbcTickets implements Tickets {
  private static final String INSERT =
      """
      INSERT INTO tickets (id, title, content, status, deadline, bounty, priority, owner_id,
                           assignee_id, created_at, updated_at, version)
      VALUES (:id, :title, :content, :status, :deadline, :bounty, :priority, :ownerId,
              :assigneeId, :createdAt, :updatedAt, :version)
      """;
  // Only the version that was changed is overwritten: a lost update fails instead of passing.
  private static final String UPDATE =
      """
      UPDATE tickets SET title = :title, content = :content, status = :status,
             deadline = :deadline, bounty = :bounty, priority = :priority,
             assignee_id = :assigneeId, updated_at = :updatedAt, version = :version
      WHERE id = :id AND version = :version - 1
      """;
  private static final String SELECT_BY_ID =
      "SELECT " + TicketRows.columns("t") + " FROM tickets t WHERE t.id = :id";
  // One statement, so both figures come from one snapshot. A deleted ticket's row is gone.
  private static final String COUNT =
      """
      SELECT count(*) AS total, count(*) FILTER (WHERE created_at >= :since) AS created_since
      FROM tickets
      """;

  private final DatabaseClient database;

  public R2dbcTickets(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Void> add(Ticket ticket) {
    return bindChangeable(database.sql(INSERT), ticket)
        .bind("ownerId", ticket.ownerId())
        .bind("createdAt", ticket.createdAt())
        .then();
  }

  @Override
  public Mono<Ticket> withId(UUID id) {
    return database.sql(SELECT_BY_ID).bind("id", id).map(TicketRows::ticket).one();
  }

  @Override
  public Mono<Ticket> withIdForChange(UUID id) {
    return database
        .sql(SELECT_BY_ID + " FOR UPDATE OF t")
        .bind("id", id)
        .map(TicketRows::ticket)
        .one();
  }

  @Override
  public Mono<Void> update(Ticket ticket) {
    return bindChangeable(database.sql(UPDATE), ticket)
        .fetch()
        .rowsUpdated()
        .flatMap(
            rows ->
                rows == 1
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new IllegalStateException(
                            "ticket "
                                + ticket.id()
                                + " is no longer at version "
                                + (ticket.version() - 1))));
  }

  @Override
  public Mono<Void> remove(Ticket ticket) {
    return database.sql("DELETE FROM tickets WHERE id = :id").bind("id", ticket.id()).then();
  }

  @Override
  public Mono<TicketCount> count(Instant since) {
    return database
        .sql(COUNT)
        .bind("since", toMicros(since))
        .map(
            row ->
                new TicketCount(
                    row.get("total", Long.class), row.get("created_since", Long.class), since))
        .one();
  }

  /**
   * {@code since} rounded up to PostgreSQL's microseconds: {@code created_at >= since} then holds
   * exactly when it holds for the unrounded instant (a rounding down would count a ticket created a
   * fraction of a microsecond before it).
   */
  private static Instant toMicros(Instant since) {
    Instant truncated = since.truncatedTo(ChronoUnit.MICROS);
    return truncated.equals(since) ? since : truncated.plus(1, ChronoUnit.MICROS);
  }

  /** Binds what a change may touch (the statement must name each of them). */
  private static DatabaseClient.GenericExecuteSpec bindChangeable(
      DatabaseClient.GenericExecuteSpec statement, Ticket ticket) {
    TicketDetails details = ticket.details();
    DatabaseClient.GenericExecuteSpec bound =
        statement
            .bind("id", ticket.id())
            .bind("title", details.title())
            .bind("content", details.content())
            .bind("status", ticket.status().name())
            .bind("deadline", details.deadline())
            .bind("bounty", details.bounty())
            .bind("priority", details.priority().name())
            .bind("updatedAt", ticket.updatedAt())
            .bind("version", ticket.version());
    return ticket
        .assigneeId()
        .map(assignee -> bound.bind("assigneeId", assignee))
        .orElseGet(() -> bound.bindNull("assigneeId", UUID.class));
  }
}
