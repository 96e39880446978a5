package com.ticketbounty.ticket.adapter.out.persistence;

import com.ticketbounty.ticket.application.TicketQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The WHERE clause of a ticket query and its parameters. The caller's text only ever travels as a
 * bound parameter; in the LIKE pattern its {@code %}, {@code _} and {@code \} are escaped, so they
 * match themselves.
 */
record TicketFilter(String where, Map<String, Object> parameters) {

  static TicketFilter of(TicketQuery query) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    query
        .searchText()
        .ifPresent(
            text -> {
              conditions.add(
                  "(t.title ILIKE :pattern ESCAPE '\\' OR t.content ILIKE :pattern ESCAPE '\\'"
                      + " OR o.username ILIKE :pattern ESCAPE '\\')");
              parameters.put("pattern", "%" + escapeLike(text) + "%");
            });
    if (query.status() != null) {
      conditions.add("t.status = :status");
      parameters.put("status", query.status().name());
    }
    if (query.ownerId() != null) {
      conditions.add("t.owner_id = :ownerId");
      parameters.put("ownerId", query.ownerId());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return new TicketFilter(where, Map.copyOf(parameters));
  }

  DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec statement) {
    DatabaseClient.GenericExecuteSpec bound = statement;
    for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
      bound = bound.bind(parameter.getKey(), parameter.getValue());
    }
    return bound;
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
