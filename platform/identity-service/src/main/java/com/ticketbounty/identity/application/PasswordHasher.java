package com.ticketbounty.identity.application;

import com.ticketbounty.identity.domain.PlainPassword;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** One-way password hashes. Both operations are CPU-heavy and never run on a request thread. */
public interface PasswordHasher {

  Mono<String> hash(PlainPassword password);

  /**
   * Whether {@code presented} matches {@code hash}. With no hash (an unknown account) it checks
   * against a dummy hash and answers false, so that both cases cost the same time.
   */
  Mono<Boolean> matches(PlainPassword presented, @Nullable String hash);

  /**
   * Whether {@code hash} was made with weaker parameters than new hashes get, so that the password
   * should be hashed again once it is known (at the next successful sign-in).
   */
  boolean isOutdated(String hash);
}
