package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.KnownTicket;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Ticket participants in memory, with the same rules as the tables. */
public final class InMemoryTicketParticipants implements TicketParticipants {
  private final Map<UUID, TicketFacts> tickets = new HashMap<>();
  private final Map<UUID, CommentFacts> comments = new HashMap<>();

  @Override
  public synchronized void learn(TicketFacts ticket) {
    TicketFacts held = tickets.get(ticket.ticketId());
    if (held == null) {
      tickets.put(ticket.ticketId(), ticket);
    } else if (!held.deleted() && ticket.deleted()) {
      tickets.put(
          ticket.ticketId(),
          new TicketFacts(
              held.ticketId(),
              held.ownerId(),
              held.title(),
              held.assigneeId(),
              Math.max(held.version(), ticket.version()),
              true));
    } else if (!held.deleted() && ticket.version() > held.version()) {
      tickets.put(ticket.ticketId(), ticket);
    }
  }

  @Override
  public synchronized void learn(CommentFacts comment) {
    if (comment.deleted()) {
      comments.put(comment.commentId(), comment);
    } else {
      comments.putIfAbsent(comment.commentId(), comment);
    }
  }

  @Override
  public synchronized Optional<KnownTicket> ticket(UUID ticketId) {
    return Optional.ofNullable(tickets.get(ticketId))
        .map(
            t ->
                new KnownTicket(t.ticketId(), t.ownerId(), t.title(), t.assigneeId(), t.deleted()));
  }

  @Override
  public synchronized Set<UUID> commentersBefore(UUID ticketId, UUID commentId, Instant postedAt) {
    Set<UUID> authors = new TreeSet<>();
    comments.values().stream()
        .filter(c -> c.ticketId().equals(ticketId) && !c.deleted() && c.postedAt() != null)
        .filter(c -> !c.commentId().equals(commentId) && c.postedAt().isBefore(postedAt))
        .forEach(c -> authors.add(c.authorId()));
    return authors;
  }

  @Override
  public synchronized Set<UUID> commenters(UUID ticketId) {
    Set<UUID> authors = new TreeSet<>();
    comments.values().stream()
        .filter(c -> c.ticketId().equals(ticketId) && !c.deleted() && c.postedAt() != null)
        .forEach(c -> authors.add(c.authorId()));
    return authors;
  }
}
