package com.ticketbounty.ticket.adapter.out.persistence;

import com.ticketbounty.ticket.application.FindTickets;
import com.ticketbounty.ticket.application.TicketPage;
import com.ticketbounty.ticket.application.TicketQuery;
import com.ticketbounty.ticket.application.TicketView;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Lists tickets with SQL: the owner's and assignee's usernames come from service-web's accounts
 * read model in the same database ({@code service_web.accounts}), joined so that a search also
 * matches the owner's username. The page is read with one row more than it holds, which tells
 * whether a next page exists; the count is a second statement over the same conditions.
 */
public final class R2dbcFindTickets implements FindTickets {
  private static final String FROM =
      """
       FROM tickets t
       LEFT JOIN service_web.accounts o ON o.user_id = t.owner_id
       LEFT JOIN service_web.accounts a ON a.user_id = t.assignee_id
      """;

  private final DatabaseClient database;

  public R2dbcFindTickets(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<TicketPage> matching(TicketQuery query) {
    TicketFilter filter = TicketFilter.of(query);
    Mono<List<TicketView>> rows =
        filter
            .bind(database.sql(pageSql(query, filter)))
            .bind("limit", query.size() + 1)
            .bind("offset", query.offset())
            .map(
                row ->
                    new TicketView(
                        TicketRows.ticket(row),
                        row.get("owner_name", String.class),
                        row.get("assignee_name", String.class)))
            .all()
            .collectList();
    Mono<Long> count =
        filter
            .bind(database.sql("SELECT count(*) AS matches" + FROM + filter.where()))
            .map(row -> row.get("matches", Long.class))
            .one();
    return Mono.zip(rows, count)
        .map(
            found -> {
              List<TicketView> page = found.getT1();
              boolean more = page.size() > query.size();
              return new TicketPage(
                  more ? page.subList(0, query.size()) : page, found.getT2(), more);
            });
  }

  private static String pageSql(TicketQuery query, TicketFilter filter) {
    String direction = query.ascending() ? "ASC" : "DESC";
    return "SELECT "
        + TicketRows.columns("t")
        + ", o.username AS owner_name, a.username AS assignee_name"
        + FROM
        + filter.where()
        + " ORDER BY "
        + sortColumn(query.sortKey())
        + " "
        + direction
        + ", t.id "
        + direction
        + " LIMIT :limit OFFSET :offset";
  }

  private static String sortColumn(TicketQuery.SortKey key) {
    return switch (key) {
      case CREATED_AT -> "t.created_at";
      case BOUNTY -> "t.bounty";
      case DEADLINE -> "t.deadline";
      case TITLE -> "t.title";
    };
  }
}
