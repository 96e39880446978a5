package com.ticketbounty.notification.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is told about what happens on a ticket (DESIGN.md §8). Each set is sorted, so a retried step
 * goes through its recipients in the same order; nobody is told about their own action, and nobody
 * twice about one event.
 */
public final class Audiences {
  private Audiences() {}

  /** {@code notify-author}: the ticket's owner, unless they wrote the comment. */
  public static Optional<UUID> ownerOfCommentedTicket(UUID ownerId, UUID authorId) {
    return ownerId.equals(authorId) ? Optional.empty() : Optional.of(ownerId);
  }

  /**
   * {@code notify-watchers}: everyone who commented on the ticket before, once each — never the
   * comment's author, and never the owner, who is told as the owner (or wrote it).
   */
  public static SortedSet<UUID> watchers(
      Collection<UUID> earlierCommenters, UUID authorId, UUID ownerId) {
    SortedSet<UUID> watchers = new TreeSet<>(earlierCommenters);
    watchers.remove(authorId);
    watchers.remove(ownerId);
    return watchers;
  }

  /**
   * {@code notify-assignee}: the new assignee — nobody when the ticket was unassigned, or when the
   * owner assigned it to themselves (they know).
   */
  public static Optional<UUID> newAssignee(UUID assignedBy, @Nullable UUID assigneeId) {
    return assigneeId == null || assigneeId.equals(assignedBy)
        ? Optional.empty()
        : Optional.of(assigneeId);
  }

  /**
   * {@code notify-participants}: the assignee and everyone who commented on the ticket, once each,
   * never whoever made the change.
   */
  public static SortedSet<UUID> participants(
      @Nullable UUID assigneeId, Collection<UUID> commenters, UUID changedBy) {
    SortedSet<UUID> participants = new TreeSet<>(commenters);
    if (assigneeId != null) {
      participants.add(assigneeId);
    }
    participants.remove(changedBy);
    return participants;
  }
}
