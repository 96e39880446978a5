package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.Ticket;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * {@link FindTickets} over an {@link InMemoryTickets} and the usernames of an {@link
 * InMemoryAccounts}.
 */
public final class InMemoryFindTickets implements FindTickets {
  private final InMemoryTickets tickets;
  private final InMemoryAccounts accounts;

  public InMemoryFindTickets(InMemoryTickets tickets, InMemoryAccounts accounts) {
    this.tickets = tickets;
    this.accounts = accounts;
  }

  @Override
  public Mono<TicketPage> matching(TicketQuery query) {
    return Mono.fromSupplier(
        () -> {
          Map<java.util.UUID, String> names = accounts.all();
          List<TicketView> matches =
              tickets.all().stream()
                  .filter(matches(query, names))
                  .sorted(order(query))
                  .map(
                      ticket ->
                          new TicketView(
                              ticket,
                              names.get(ticket.ownerId()),
                              ticket.assigneeId().map(names::get).orElse(null)))
                  .toList();
          int from = (int) Math.min(query.offset(), matches.size());
          int to = Math.min(from + query.size(), matches.size());
          return new TicketPage(matches.subList(from, to), matches.size(), to < matches.size());
        });
  }

  private static Predicate<Ticket> matches(TicketQuery query, Map<java.util.UUID, String> names) {
    return ticket ->
        (query.status() == null || ticket.status() == query.status())
            && (query.ownerId() == null || ticket.ownerId().equals(query.ownerId()))
            && query
                .searchText()
                .map(text -> text.toLowerCase(Locale.ROOT))
                .map(
                    text ->
                        contains(ticket.details().title(), text)
                            || contains(ticket.details().content(), text)
                            || contains(names.getOrDefault(ticket.ownerId(), ""), text))
                .orElse(true);
  }

  private static boolean contains(String value, String lowerCaseText) {
    return value.toLowerCase(Locale.ROOT).contains(lowerCaseText);
  }

  private static Comparator<Ticket> order(TicketQuery query) {
    Comparator<Ticket> byKey =
        switch (query.sortKey()) {
          case CREATED_AT -> Comparator.comparing(Ticket::createdAt);
          case BOUNTY -> Comparator.comparingLong(ticket -> ticket.details().bounty());
          case DEADLINE -> Comparator.comparing(ticket -> ticket.details().deadline());
          case TITLE -> Comparator.comparing(ticket -> ticket.details().title());
        };
    Comparator<Ticket> order = byKey.thenComparing(Ticket::id);
    return query.ascending() ? order : order.reversed();
  }
}
