package com.ticketbounty.comment.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * What comment-service knows of a ticket that ticket-service owns: its owner, the ticket's version
 * that knowledge comes from, and whether it was deleted. Versions order ticket-service's events (1
 * at creation, +1 per change); version 0 is what a direct question to ticket-service taught, which
 * any event then overrides. A deletion is final.
 *
 * @param version the ticket's version this knowledge reflects
 */
public record KnownTicket(UUID ticketId, UUID ownerId, long version, boolean deleted) {
  /** The version of knowledge that did not come from an event. */
  public static final long UNVERSIONED = 0;

  public KnownTicket {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(ownerId, "ownerId");
    if (version < 0) {
      throw new IllegalArgumentException("a ticket version is never negative: " + version);
    }
  }

  /** A live ticket as of {@code version}. */
  public static KnownTicket at(UUID ticketId, UUID ownerId, long version) {
    return new KnownTicket(ticketId, ownerId, version, false);
  }

  /** A live ticket learned from ticket-service directly, not from an event. */
  public static KnownTicket unversioned(UUID ticketId, UUID ownerId) {
    return at(ticketId, ownerId, UNVERSIONED);
  }

  /** A deleted ticket: it stays deleted whatever arrives later. */
  public static KnownTicket deleted(UUID ticketId, UUID ownerId, long version) {
    return new KnownTicket(ticketId, ownerId, version, true);
  }

  /**
   * What is known after {@code news} arrives: a deletion always wins; otherwise the news replaces
   * this only if it is newer and this ticket is not deleted (an older or repeated event is stale).
   */
  public KnownTicket after(KnownTicket news) {
    if (!news.ticketId.equals(ticketId)) {
      throw new IllegalArgumentException("news of ticket " + news.ticketId + " for " + ticketId);
    }
    if (deleted) {
      return this;
    }
    if (news.deleted) {
      return deleted(ticketId, news.ownerId, Math.max(version, news.version));
    }
    return news.version > version ? news : this;
  }

  public boolean isLive() {
    return !deleted;
  }
}
