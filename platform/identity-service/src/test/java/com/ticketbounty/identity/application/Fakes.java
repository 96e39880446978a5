package com.ticketbounty.identity.application;

import com.ticketbounty.events.account.AccountCreated;
import com.ticketbounty.events.account.AccountProfileUpdated;
import com.ticketbounty.events.account.PasswordChanged;
import com.ticketbounty.events.auth.EmailVerificationCodeRequested;
import com.ticketbounty.events.auth.SessionEnded;
import com.ticketbounty.events.auth.WelcomeEmailRequested;
import com.ticketbounty.events.password.PasswordResetRequested;
import com.ticketbounty.identity.domain.AuditEntry;
import com.ticketbounty.identity.domain.PlainPassword;
import com.ticketbounty.identity.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Small fakes of the ports whose real adapters need a server. */
final class Fakes {
  private Fakes() {}

  /** Every event published, in order. */
  static final class RecordingEvents implements IdentityEvents {
    final List<Record> published = new CopyOnWriteArrayList<>();

    <T> List<T> of(Class<T> type) {
      return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Mono<Void> record(Record event) {
      return Mono.fromRunnable(() -> published.add(event));
    }

    @Override
    public Mono<Void> accountCreated(AccountCreated event) {
      return record(event);
    }

    @Override
    public Mono<Void> welcomeEmailRequested(WelcomeEmailRequested event) {
      return record(event);
    }

    @Override
    public Mono<Void> profileUpdated(AccountProfileUpdated event) {
      return record(event);
    }

    @Override
    public Mono<Void> passwordChanged(PasswordChanged event) {
      return record(event);
    }

    @Override
    public Mono<Void> sessionEnded(SessionEnded event) {
      return record(event);
    }

    @Override
    public Mono<Void> verificationCodeRequested(EmailVerificationCodeRequested event) {
      return record(event);
    }

    @Override
    public Mono<Void> passwordResetRequested(PasswordResetRequested event) {
      return record(event);
    }
  }

  static final class RecordingAudit implements AuditLog {
    final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> record(AuditEntry entry) {
      return Mono.fromRunnable(() -> entries.add(entry));
    }
  }

  /** Runs the work as it is: no transaction to model in memory. */
  static final class DirectUnitOfWork implements UnitOfWork {
    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
      return work;
    }
  }

  /**
   * "hash:" + the password; "old-hash:" + the password is a hash of weaker parameters, which
   * matches too and is outdated. Counts the hashes made, the checks, and which checks had no hash
   * (a dummy check).
   */
  static final class PlainHasher implements PasswordHasher {
    static final String CURRENT = "hash:";
    static final String OUTDATED = "old-hash:";

    final AtomicInteger hashes = new AtomicInteger();
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger checksWithoutHash = new AtomicInteger();

    @Override
    public Mono<String> hash(PlainPassword password) {
      return Mono.fromSupplier(
          () -> {
            hashes.incrementAndGet();
            return CURRENT + password.reveal();
          });
    }

    @Override
    public Mono<Boolean> matches(PlainPassword presented, @Nullable String hash) {
      checks.incrementAndGet();
      if (hash == null) {
        checksWithoutHash.incrementAndGet();
      }
      return Mono.just(
          hash != null
              && (hash.equals(CURRENT + presented.reveal())
                  || hash.equals(OUTDATED + presented.reveal())));
    }

    @Override
    public boolean isOutdated(String hash) {
      return hash.startsWith(OUTDATED);
    }
  }

  static final class FakeAccessTokens implements AccessTokens {
    @Override
    public Mono<AccessToken> issue(User user, UUID sessionId) {
      return Mono.just(new AccessToken(user.id() + "/" + sessionId, 900));
    }

    @Override
    public Mono<AccessToken> issueForService(String clientId) {
      return Mono.just(new AccessToken("service/" + clientId, 900));
    }
  }

  /** Verification codes in a map, used up once, refused after their expiry; tries are counted. */
  static final class InMemoryVerificationCodes implements VerificationCodes {
    private record Code(String hash, Instant expiresAt) {}

    private final Map<UUID, Code> byUser = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> tries = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> replace(UUID userId, String codeHash, Instant expiresAt) {
      return Mono.fromRunnable(() -> byUser.put(userId, new Code(codeHash, expiresAt)));
    }

    @Override
    public Mono<Boolean> redeem(UUID userId, String codeHash, Instant now) {
      return Mono.fromSupplier(
          () -> {
            Code code = byUser.get(userId);
            boolean usable =
                code != null && code.hash().equals(codeHash) && now.isBefore(code.expiresAt());
            if (usable) {
              byUser.remove(userId);
            }
            return usable;
          });
    }

    @Override
    public Mono<Void> discard(UUID userId) {
      return Mono.fromRunnable(() -> byUser.remove(userId));
    }

    @Override
    public Mono<Integer> countTry(UUID userId, Instant now, Duration window) {
      return Mono.fromSupplier(() -> tries.merge(userId, 1, Integer::sum));
    }

    @Override
    public Mono<Void> forgetTries(UUID userId) {
      return Mono.fromRunnable(() -> tries.remove(userId));
    }
  }

  /** Reset tokens in a map, used up once, refused after their expiry. */
  static final class InMemoryResetTokens implements ResetTokens {
    private record Token(UUID userId, Instant expiresAt, boolean used) {}

    private final Map<String, Token> byHash = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> add(String tokenHash, UUID userId, Instant createdAt, Instant expiresAt) {
      return Mono.fromRunnable(() -> byHash.put(tokenHash, new Token(userId, expiresAt, false)));
    }

    @Override
    public Mono<UUID> usableFor(String tokenHash, Instant now) {
      return Mono.justOrEmpty(byHash.get(tokenHash))
          .filter(token -> !token.used() && now.isBefore(token.expiresAt()))
          .map(Token::userId);
    }

    @Override
    public Mono<UUID> redeem(String tokenHash, Instant now) {
      return usableFor(tokenHash, now)
          .doOnNext(
              userId ->
                  byHash.computeIfPresent(
                      tokenHash, (hash, token) -> new Token(userId, token.expiresAt(), true)));
    }
  }
}
