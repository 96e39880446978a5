package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.serviceweb.problem.FieldProblem;
import com.ticketbounty.serviceweb.security.Caller;
import com.ticketbounty.serviceweb.security.CallerArgumentResolver;
import com.ticketbounty.ticket.application.TicketQuery;
import com.ticketbounty.ticket.domain.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The query string of {@code GET /api/tickets} as a {@link TicketQuery}. Values are spelled exactly
 * as API.md lists them; every parameter that cannot be read is named in one 400 answer.
 */
record TicketListParameters(
    @Nullable String search,
    @Nullable String status,
    @Nullable String sortKey,
    @Nullable String sortValue,
    @Nullable String page,
    @Nullable String size,
    @Nullable String scope) {
  private static final Map<String, TicketQuery.SortKey> SORT_KEYS =
      Map.of(
          "createdAt", TicketQuery.SortKey.CREATED_AT,
          "bounty", TicketQuery.SortKey.BOUNTY,
          "deadline", TicketQuery.SortKey.DEADLINE,
          "title", TicketQuery.SortKey.TITLE);
  private static final Map<String, Boolean> DIRECTIONS = Map.of("asc", true, "desc", false);
  private static final Map<String, Boolean> SCOPES = Map.of("all", false, "mine", true);
  private static final Map<String, String> MESSAGES =
      Map.of(
          "status", "must be one of OPEN, IN_PROGRESS, DONE",
          "sortKey", "must be one of createdAt, bounty, deadline, title",
          "sortValue", "must be asc or desc",
          "page", "must be a whole number from 0",
          "size", "must be one of 10, 20, 50, 100",
          "scope", "must be all or mine");

  /**
   * @throws InvalidQueryException naming every parameter that cannot be read
   * @throws org.springframework.web.ErrorResponseException 401 for {@code scope=mine} without a
   *     signed-in caller
   */
  TicketQuery toQuery(Optional<Caller> caller) {
    List<FieldProblem> problems = new ArrayList<>();
    String text = search == null || search.isBlank() ? null : search.strip();
    if (text != null && text.length() > TicketQuery.SEARCH_MAX) {
      problems.add(
          new FieldProblem("search", "must be at most " + TicketQuery.SEARCH_MAX + " characters"));
    }
    TicketStatus wanted = read(problems, "status", status, null, TicketListParameters::status);
    TicketQuery.SortKey key =
        read(problems, "sortKey", sortKey, TicketQuery.SortKey.CREATED_AT, SORT_KEYS::get);
    Boolean ascending = read(problems, "sortValue", sortValue, false, DIRECTIONS::get);
    Integer pageNumber = read(problems, "page", page, 0, TicketListParameters::pageNumber);
    Integer pageSize = read(problems, "size", size, 10, TicketListParameters::pageSize);
    Boolean mine = read(problems, "scope", scope, false, SCOPES::get);
    if (!problems.isEmpty()) {
      throw new InvalidQueryException(problems);
    }
    UUID owner = Boolean.TRUE.equals(mine) ? signedIn(caller).userId() : null;
    return new TicketQuery(text, wanted, owner, key, ascending, pageNumber, pageSize);
  }

  /** Reads {@code value} with {@code reader} (null: unreadable), or the fallback when absent. */
  private static <T> T read(
      List<FieldProblem> problems,
      String name,
      @Nullable String value,
      T fallback,
      Function<String, @Nullable T> reader) {
    if (value == null) {
      return fallback;
    }
    T read = reader.apply(value);
    if (read == null) {
      problems.add(new FieldProblem(name, MESSAGES.get(name)));
      return fallback;
    }
    return read;
  }

  private static @Nullable TicketStatus status(String value) {
    for (TicketStatus candidate : TicketStatus.values()) {
      if (candidate.name().equals(value)) {
        return candidate;
      }
    }
    return null;
  }

  private static @Nullable Integer pageNumber(String value) {
    Integer number = integer(value);
    return number == null || number < 0 ? null : number;
  }

  private static @Nullable Integer pageSize(String value) {
    Integer number = integer(value);
    return number == null || !TicketQuery.SIZES.contains(number) ? null : number;
  }

  private static @Nullable Integer integer(String value) {
    // Digits only: no sign, no spaces, no "1e3"; and small enough that page × size cannot overflow.
    if (value.isEmpty()
        || value.length() > 9
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Integer.parseInt(value);
  }

  private static Caller signedIn(Optional<Caller> caller) {
    return caller.orElseThrow(CallerArgumentResolver::signInRequired);
  }
}
