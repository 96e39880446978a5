package com.ticketbounty.identity.application;

import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.identity.domain.NotificationPreference;
import com.ticketbounty.identity.domain.User;
import com.ticketbounty.identity.domain.Username;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The signed-in user changes their username or notification preference. A real change raises the
 * account's version and is published as {@code app/account.profile-updated} in the same
 * transaction; a request that changes nothing publishes nothing.
 */
public final class UpdateProfile {
  private final Users users;
  private final IdentityEvents events;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public UpdateProfile(Users users, IdentityEvents events, UnitOfWork unitOfWork, Clock clock) {
    this.users = users;
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  /**
   * @param username the new username, or null to keep it
   * @param preference the new preference, or null to keep it
   */
  public Mono<User> update(
      UUID userId, @Nullable String username, @Nullable NotificationPreference preference) {
    return Mono.fromCallable(() -> username == null ? null : Username.of(username))
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            newName ->
                unitOfWork.inTransaction(
                    users
                        .withId(userId)
                        .switchIfEmpty(
                            Mono.error(() -> new NotAuthenticatedException("No such account.")))
                        .flatMap(
                            user ->
                                apply(
                                    user,
                                    newName.orElse(user.username()),
                                    preference == null ? user.preference() : preference))));
  }

  private Mono<User> apply(User user, Username name, NotificationPreference preference) {
    User changed = user.withProfile(name, preference, clock.instant());
    if (changed == user) {
      return Mono.just(user);
    }
    Mono<List<String>> taken =
        name.equals(user.username()) ? Mono.just(List.of()) : users.usernameTaken(name, user.id());
    return taken
        .flatMap(
            fields ->
                fields.isEmpty()
                    ? users.update(changed, user.version())
                    : Mono.error(new AccountTakenException(fields)))
        .then(Mono.defer(() -> events.profileUpdated(event(changed))))
        .thenReturn(changed);
  }

  /** The account's profile as it is now, at its current version. */
  static AccountProfileUpdated event(User user) {
    return new AccountProfileUpdated(
        user.id(),
        user.username().value(),
        user.preference().wireName(),
        user.version(),
        user.updatedAt(),
        user.email().value(),
        user.role().name(),
        user.emailVerified());
  }
}
