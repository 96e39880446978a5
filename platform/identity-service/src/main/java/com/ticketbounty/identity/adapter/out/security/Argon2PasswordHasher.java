package com.ticketbounty.identity.adapter.out.security;

import com.ticketbounty.identity.application.PasswordHasher;
import com.ticketbounty.identity.domain.PlainPassword;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id through Spring Security's encoder at OWASP's parameters (19 MiB, 2 iterations,
 * parallelism 1, 16-byte salt, 32-byte hash). A hash takes tens of milliseconds of CPU and 19 MiB
 * of memory, so hashing runs on a scheduler of its own with one thread per core: never on an event
 * loop, and a burst of sign-ins queues instead of holding many times 19 MiB at once.
 */
public final class Argon2PasswordHasher implements PasswordHasher, AutoCloseable {
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  static final int PARALLELISM = 1;
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  private static final int QUEUED_HASHES = 10_000;

  private final Argon2PasswordEncoder encoder =
      new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
  private final Scheduler scheduler =
      Schedulers.newBoundedElastic(
          Runtime.getRuntime().availableProcessors(), QUEUED_HASHES, "argon2", 60, true);

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

  /** True for a hash made with less memory or fewer iterations than these parameters. */
  @Override
  public boolean isOutdated(String hash) {
    try {
      return encoder.upgradeEncoding(hash);
    } catch (IllegalArgumentException notArgon2) {
      // Nothing this encoder made: it never matched, so there is nothing to upgrade from.
      return false;
    }
  }

  @Override
  public void close() {
    scheduler.dispose();
  }
}
