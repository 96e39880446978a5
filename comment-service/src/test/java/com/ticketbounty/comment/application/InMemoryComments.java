package com.ticketbounty.comment.application;

import com.ticketbounty.comment.domain.Comment;
import com.ticketbounty.comment.domain.CommentPosition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Comments} in a map; writes join an {@link InMemoryUnitOfWork} transaction. */
public final class InMemoryComments implements Comments {
  private static final Comparator<Comment> NEWEST_FIRST =
      Comparator.comparing(Comment::createdAt).thenComparing(Comment::id).reversed();

  private final Map<UUID, Comment> stored = new ConcurrentHashMap<>();

  @Override
  public Mono<Void> add(Comment comment) {
    return InMemoryUnitOfWork.write(() -> stored.put(comment.id(), comment));
  }

  @Override
  public Mono<Comment> withIdForChange(UUID id) {
    return Mono.fromSupplier(() -> stored.get(id));
  }

  @Override
  public Mono<Void> update(Comment comment) {
    return InMemoryUnitOfWork.write(() -> stored.put(comment.id(), comment));
  }

  @Override
  public Mono<Void> remove(UUID id) {
    return InMemoryUnitOfWork.write(() -> stored.remove(id));
  }

  @Override
  public Flux<Comment> page(UUID ticketId, @Nullable CommentPosition after, int count) {
    return Flux.defer(
        () ->
            Flux.fromStream(
                stored.values().stream()
                    .filter(comment -> comment.ticketId().equals(ticketId))
                    .filter(comment -> after == null || isOlder(comment.position(), after))
                    .sorted(NEWEST_FIRST)
                    .limit(count)));
  }

  @Override
  public Mono<Long> removeAllOf(UUID ticketId) {
    return Mono.fromSupplier(
            () -> stored.values().stream().filter(c -> c.ticketId().equals(ticketId)).count())
        .flatMap(
            count ->
                InMemoryUnitOfWork.write(
                        () -> stored.values().removeIf(c -> c.ticketId().equals(ticketId)))
                    .thenReturn(count));
  }

  @Override
  public Mono<CommentCount> count(Instant since) {
    return Mono.fromSupplier(
        () -> {
          List<Comment> all = List.copyOf(stored.values());
          long createdSince = all.stream().filter(c -> !c.createdAt().isBefore(since)).count();
          return new CommentCount(all.size(), createdSince, since);
        });
  }

  public Optional<Comment> stored(UUID id) {
    return Optional.ofNullable(stored.get(id));
  }

  public List<Comment> of(UUID ticketId) {
    return stored.values().stream().filter(c -> c.ticketId().equals(ticketId)).toList();
  }

  private static boolean isOlder(CommentPosition position, CommentPosition than) {
    int byTime = position.createdAt().compareTo(than.createdAt());
    return byTime < 0 || (byTime == 0 && position.id().compareTo(than.id()) < 0);
  }
}
