package com.ticketbounty.identity.adapter.out.security;

import com.ticketbounty.identity.application.PasswordHasher;
import com.ticketbounty.identity.domain.PlainPassword;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id through Spring Security's encoder (its 5.8 defaults: 16 MiB, 2 iterations). Hashing
 * takes tens of milliseconds of CPU, so it runs on the bounded elastic scheduler, never on an event
 * loop thread.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  private final Argon2PasswordEncoder encoder =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  private final Scheduler scheduler = Schedulers.boundedElastic();

  // A real hash of nothing anyone knows, with the same parameters: checking an unknown account
  // against it costs what checking a real one does.
  private final String dummyHash = encoder.encode("no-account-" + System.nanoTime());

  @Override
  public Mono<String> hash(PlainPassword password) {
    return Mono.fromCallable(() -> encoder.encode(password.reveal())).subscribeOn(scheduler);
  }

  @Override
  public Mono<Boolean> matches(PlainPassword presented, @Nullable String hash) {
    return Mono.fromCallable(
            () -> {
              boolean matches =
                  encoder.matches(presented.reveal(), hash == null ? dummyHash : hash);
              return matches && hash != null;
            })
        .subscribeOn(scheduler);
  }
}
