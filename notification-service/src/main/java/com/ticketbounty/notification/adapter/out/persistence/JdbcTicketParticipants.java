package com.ticketbounty.notification.adapter.out.persistence;

import com.ticketbounty.notification.application.CommentFacts;
import com.ticketbounty.notification.application.TicketFacts;
import com.ticketbounty.notification.application.TicketParticipants;
import com.ticketbounty.notification.domain.KnownTicket;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code known_tickets} and {@code ticket_comments} tables. Each event is applied in one
 * upsert, so two events of one ticket handled at once (they arrive on different queues) cannot undo
 * each other: the row lock orders them and the condition keeps the newer.
 */
public final class JdbcTicketParticipants implements TicketParticipants {
  // A deleted row never changes; a deletion always lands (keeping the title and assignee it had);
  // anything else lands only when its version is higher. The rules of comment-service's copy.
  private static final String LEARN_TICKET =
      """
      INSERT INTO known_tickets AS known
        (ticket_id, owner_id, title, assignee_id, version, deleted)
      VALUES (:ticketId, :ownerId, :title, :assigneeId, :version, :deleted)
      ON CONFLICT (ticket_id) DO UPDATE
        SET owner_id = EXCLUDED.owner_id,
            title = CASE WHEN EXCLUDED.deleted THEN known.title ELSE EXCLUDED.title END,
            assignee_id =
              CASE WHEN EXCLUDED.deleted THEN known.assignee_id ELSE EXCLUDED.assignee_id END,
            version = GREATEST(known.version, EXCLUDED.version),
            deleted = EXCLUDED.deleted
        WHERE NOT known.deleted AND (EXCLUDED.deleted OR EXCLUDED.version > known.version)
      """;
  // A posting never overwrites a row: a deletion seen first stays.
  private static final String POST_COMMENT =
      """
      INSERT INTO ticket_comments (comment_id, ticket_id, author_id, posted_at)
      VALUES (:commentId, :ticketId, :authorId, :postedAt)
      ON CONFLICT (comment_id) DO NOTHING
      """;
  private static final String DELETE_COMMENT =
      """
      INSERT INTO ticket_comments (comment_id, ticket_id, author_id, deleted)
      VALUES (:commentId, :ticketId, :authorId, true)
      ON CONFLICT (comment_id) DO UPDATE SET deleted = true
      """;

  private final JdbcClient jdbc;

  public JdbcTicketParticipants(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public void learn(TicketFacts ticket) {
    jdbc.sql(LEARN_TICKET)
        .param("ticketId", ticket.ticketId())
        .param("ownerId", ticket.ownerId())
        .param("title", ticket.title())
        .param("assigneeId", ticket.assigneeId())
        .param("version", ticket.version())
        .param("deleted", ticket.deleted())
        .update();
  }

  @Override
  public void learn(CommentFacts comment) {
    jdbc.sql(comment.deleted() ? DELETE_COMMENT : POST_COMMENT)
        .param("commentId", comment.commentId())
        .param("ticketId", comment.ticketId())
        .param("authorId", comment.authorId())
        .param("postedAt", timestamp(comment.postedAt()))
        .update();
  }

  @Override
  public Optional<KnownTicket> ticket(UUID ticketId) {
    return jdbc.sql(
            "SELECT ticket_id, owner_id, title, assignee_id, deleted FROM known_tickets"
                + " WHERE ticket_id = ?")
        .param(ticketId)
        .query(
            (row, index) ->
                new KnownTicket(
                    row.getObject("ticket_id", UUID.class),
                    row.getObject("owner_id", UUID.class),
                    row.getString("title"),
                    row.getObject("assignee_id", UUID.class),
                    row.getBoolean("deleted")))
        .optional();
  }

  @Override
  public Set<UUID> commentersBefore(UUID ticketId, UUID commentId, Instant postedAt) {
    return new LinkedHashSet<>(
        jdbc.sql(
                "SELECT DISTINCT author_id FROM ticket_comments WHERE ticket_id = ? AND NOT deleted"
                    + " AND comment_id <> ? AND posted_at < ? ORDER BY author_id")
            .param(ticketId)
            .param(commentId)
            .param(timestamp(postedAt))
            .query(UUID.class)
            .list());
  }

  @Override
  public Set<UUID> commenters(UUID ticketId) {
    return new LinkedHashSet<>(
        jdbc.sql(
                "SELECT DISTINCT author_id FROM ticket_comments WHERE ticket_id = ? AND NOT deleted"
                    + " AND posted_at IS NOT NULL ORDER BY author_id")
            .param(ticketId)
            .query(UUID.class)
            .list());
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
