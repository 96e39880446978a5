package com.ticketbounty.ticket.domain;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A partial change of a ticket's details: each field is either left out ({@code null}) or {@link
 * Given} (possibly as null, which breaks that field's rule). The deadline stays text so that a date
 * that does not exist is a broken rule, as when the ticket is opened.
 */
public record TicketPatch(
    @Nullable Given<String> title,
    @Nullable Given<String> content,
    @Nullable Given<String> deadline,
    @Nullable Given<Long> bounty,
    @Nullable Given<Priority> priority) {

  /** True when the caller sent no field at all. */
  public boolean isEmpty() {
    return Stream.of(title, content, deadline, bounty, priority).allMatch(field -> field == null);
  }

  static <T> @Nullable T pick(@Nullable Given<T> given, T current) {
    return given == null ? current : given.value();
  }
}
