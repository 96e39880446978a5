package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.EmailAddress;
import com.ticketbounty.identity.domain.User;
import com.ticketbounty.identity.domain.Username;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every account there is. */
public interface Users {

  /**
   * Stores a new account.
   *
   * @return an {@link AccountTakenException} error when its e-mail or username is taken
   */
  Mono<Void> add(User user);

  /**
   * Stores a changed account, provided nobody changed it since it was read at {@code
   * previousVersion}.
   *
   * @return an {@link AccountTakenException} error when its new username is taken; an {@link
   *     AccountChangedMeanwhileException} error when another request changed it first
   */
  Mono<Void> update(User user, long previousVersion);

  /**
   * Replaces the account's password hash with an equivalent one (the same password, hashed with
   * stronger parameters), provided the hash is still {@code expected}: a password changed meanwhile
   * is never overwritten. Not a profile change, so the version stays.
   *
   * @return whether it was replaced
   */
  Mono<Boolean> upgradePasswordHash(UUID id, String expected, String upgraded);

  Mono<User> withId(UUID id);

  /** Up to {@code limit} accounts in id order, beginning after {@code after} (null: the first). */
  Flux<User> page(@Nullable UUID after, int limit);

  Mono<User> withEmail(EmailAddress email);

  /**
   * @return which of {@code email} and {@code username} (as field names) another account than
   *     {@code except} already has
   */
  Mono<List<String>> taken(EmailAddress email, Username username, UUID except);

  /**
   * @return {@code ["username"]} when another account than {@code except} has the name, else empty
   */
  Mono<List<String>> usernameTaken(Username username, UUID except);

  /** How many accounts there are, and how many were created at or after {@code since}. */
  Mono<AccountCounts> count(Instant since);
}
