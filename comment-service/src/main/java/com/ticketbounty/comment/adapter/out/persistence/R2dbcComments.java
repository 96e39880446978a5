package com.ticketbounty.comment.adapter.out.persistence;

import com.ticketbounty.comment.application.CommentCount;
import com.ticketbounty.comment.application.Comments;
import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.CommentContent;
import com.ticketbounty.comment.domain.CommentPosition;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code comments} table. Statements run on the connection of the current reactive transaction
 * when there is one (Spring binds it in the Reactor context), so they commit with it.
 */
public final class R2dbcComments implements Comments {
  private static final String COLUMNS = "id, ticket_id, author_id, content, created_at, updated_at";
  private static final String INSERT =
      "INSERT INTO comments ("
          + COLUMNS
          + ")"
          + " VALUES (:id, :ticketId, :authorId, :content, :createdAt, :updatedAt)";
  // The row comparison matches the index (ticket_id, created_at DESC, id DESC): newest first, and
  // by id among equal times, so every comment has one place and a page starts right after a cursor.
  private static final String FIRST_PAGE =
      "SELECT "
          + COLUMNS
          + " FROM comments WHERE ticket_id = :ticketId"
          + " ORDER BY created_at DESC, id DESC LIMIT :count";
  private static final String NEXT_PAGE =
      "SELECT "
          + COLUMNS
          + " FROM comments WHERE ticket_id = :ticketId"
          + " AND (created_at, id) < (:createdAt, :id)"
          + " ORDER BY created_at DESC, id DESC LIMIT :count";
  // One statement, so both figures come from one snapshot. A deleted comment's row is gone.
  private static final String COUNT =
      "SELECT count(*) AS total, count(*) FILTER (WHERE created_at >= :since) AS created_since"
          + " FROM comments";

  private final DatabaseClient database;

  public R2dbcComments(DatabaseClient database) {
    this.database = database;
  }

  @Override
  public Mono<Void> add(Comment comment) {
    DatabaseClient.GenericExecuteSpec insert =
        database
            .sql(INSERT)
            .bind("id", comment.id())
            .bind("ticketId", comment.ticketId())
            .bind("content", comment.content().text())
            .bind("createdAt", comment.createdAt())
            .bind("updatedAt", comment.updatedAt());
    return comment
        .authorId()
        .map(author -> insert.bind("authorId", author))
        .orElseGet(() -> insert.bindNull("authorId", UUID.class))
        .then();
  }

  @Override
  public Mono<Comment> withIdForChange(UUID id) {
    return database
        .sql("SELECT " + COLUMNS + " FROM comments WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .map(R2dbcComments::toComment)
        .one();
  }

  @Override
  public Mono<Void> update(Comment comment) {
    return database
        .sql("UPDATE comments SET content = :content, updated_at = :updatedAt WHERE id = :id")
        .bind("content", comment.content().text())
        .bind("updatedAt", comment.updatedAt())
        .bind("id", comment.id())
        .then();
  }

  @Override
  public Mono<Void> remove(UUID id) {
    return database.sql("DELETE FROM comments WHERE id = :id").bind("id", id).then();
  }

  @Override
  public Flux<Comment> page(UUID ticketId, @Nullable CommentPosition after, int count) {
    DatabaseClient.GenericExecuteSpec query =
        after == null
            ? database.sql(FIRST_PAGE)
            : database.sql(NEXT_PAGE).bind("createdAt", after.createdAt()).bind("id", after.id());
    return query
        .bind("ticketId", ticketId)
        .bind("count", count)
        .map(R2dbcComments::toComment)
        .all();
  }

  @Override
  public Mono<Long> removeAllOf(UUID ticketId) {
    return database
        .sql("DELETE FROM comments WHERE ticket_id = :ticketId")
        .bind("ticketId", ticketId)
        .fetch()
        .rowsUpdated();
  }

  @Override
  public Mono<CommentCount> count(Instant since) {
    return database
        .sql(COUNT)
        .bind("since", toMicros(since))
        .map(
            row ->
                new CommentCount(
                    row.get("total", Long.class), row.get("created_since", Long.class), since))
        .one();
  }

  /**
   * {@code since} rounded up to PostgreSQL's microseconds: {@code created_at >= since} then holds
   * exactly when it holds for the unrounded instant (a rounding down would count a comment created
   * a fraction of a microsecond before it).
   */
  private static Instant toMicros(Instant since) {
    Instant truncated = since.truncatedTo(ChronoUnit.MICROS);
    return truncated.equals(since) ? since : truncated.plus(1, ChronoUnit.MICROS);
  }

  private static Comment toComment(Readable row) {
    return Comment.restore(
        row.get("id", UUID.class),
        row.get("ticket_id", UUID.class),
        row.get("author_id", UUID.class),
        new CommentContent(row.get("content", String.class)),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }
}
