package com.ticketbounty.ticket.adapter.out.persistence;

import com.ticketbounty.ticket.application.Tickets;
import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.Ticket;
import com.ticketbounty.ticket.domain.TicketDetails;
import com.ticketbounty.ticket.domain.TicketStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
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
                           assignee_id, created_at, updated_at)
      VALUES (:id, :title, :content, :status, :deadline, :bounty, :priority, :ownerId,
              :assigneeId, :createdAt, :updatedAt)
      """;
  private static final String SELECT_BY_ID =
      """
      SELECT id, title, content, status, deadline, bounty, priority, owner_id, assignee_id,
             created_at, updated_at
      FROM tickets WHERE id = :id
      """;

  private final DatabaseClient database;

  public R2dbcTickets(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Void> add(Ticket ticket) {
    TicketDetails details = ticket.details();
    DatabaseClient.GenericExecuteSpec insert =
        database
            .sql(INSERT)
            .bind("id", ticket.id())
            .bind("title", details.title())
            .bind("content", details.content())
            .bind("status", ticket.status().name())
            .bind("deadline", details.deadline())
            .bind("bounty", details.bounty())
            .bind("priority", details.priority().name())
            .bind("ownerId", ticket.ownerId())
            .bind("createdAt", ticket.createdAt())
            .bind("updatedAt", ticket.updatedAt());
    return ticket
        .assigneeId()
        .map(assignee -> insert.bind("assigneeId", assignee))
        .orElseGet(() -> insert.bindNull("assigneeId", UUID.class))
        .then();
  }

  @Override
  public Mono<Ticket> withId(UUID id) {
    return database.sql(SELECT_BY_ID).bind("id", id).map(R2dbcTickets::toTicket).one();
  }

  private static Ticket toTicket(Readable row) {
    TicketDetails details =
        new TicketDetails(
            row.get("title", String.class),
            row.get("content", String.class),
            row.get("deadline", LocalDate.class),
            row.get("bounty", Long.class),
            Priority.valueOf(row.get("priority", String.class)));
    return Ticket.restore(
        row.get("id", UUID.class),
        row.get("owner_id", UUID.class),
        details,
        TicketStatus.valueOf(row.get("status", String.class)),
        row.get("assignee_id", UUID.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }
}
