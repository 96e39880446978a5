package com.ticketbounty.ticket.application;

import com.ticketbounty.ticket.domain.TicketStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which tickets to list and how (API.md's {@code GET /api/tickets}).
 *
 * @param search matched case-insensitively as a substring of the title, the content or the owner's
 *     username; null lists every ticket
 * @param status only tickets in this status; null for any
 * @param ownerId only this owner's tickets ({@code scope=mine}); null for anyone's
 * @param page 0 for the first page
 * @param size tickets per page, one of {@link #SIZES}
 */
public record TicketQuery(
    @Nullable String search,
    @Nullable TicketStatus status,
    @Nullable UUID ownerId,
    SortKey sortKey,
    boolean ascending,
    int page,
    int size) {
  public static final Set<Integer> SIZES = Set.of(10, 20, 50, 100);
  public static final int SEARCH_MAX = 200;

  /** What a list is sorted by; ties are broken by the ticket id, in the same direction. */
  public enum SortKey {
    CREATED_AT,
    BOUNTY,
    DEADLINE,
    TITLE
  }

  public TicketQuery {
    Objects.requireNonNull(sortKey, "sortKey");
    if (page < 0) {
      throw new IllegalArgumentException("page must be at least 0: " + page);
    }
    if (!SIZES.contains(size)) {
      throw new IllegalArgumentException("size must be one of " + SIZES + ": " + size);
    }
    if (search != null && (search.isBlank() || search.length() > SEARCH_MAX)) {
      throw new IllegalArgumentException("search must be 1 to " + SEARCH_MAX + " characters");
    }
  }

  public Optional<String> searchText() {
    return Optional.ofNullable(search);
  }

  /** How many matches come before this page. */
  public long offset() {
    return (long) page * size;
  }
}
