package com.ticketbounty.admindigest.adapter.out.http;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How one call to an owner's count endpoint failed, before {@link WebClientFigures} turns it into
 * the port's exceptions: each kind decides whether another call is worth it now, and whether it
 * says anything about the owner's health (the circuit breaker counts only those that do).
 */
abstract sealed class CallFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CallFailure(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** 408, 429 or 5xx: the owner cannot answer now; it may have said when to come back. */
  static final class Unavailable extends CallFailure {
    private static final long serialVersionUID = 1L;
    private final @Nullable Duration retryAfter;

    Unavailable(String service, int status, Optional<Duration> retryAfter) {
      super(
          "%s answered %d%s"
              .formatted(service, status, retryAfter.map(d -> ", retry after " + d).orElse("")),
          null);
      this.retryAfter = retryAfter.orElse(null);
    }

    Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  /** Any other 4xx: the request itself is wrong; asking again the same way cannot help. */
  static final class Refused extends CallFailure {
    private static final long serialVersionUID = 1L;

    Refused(String service, int status, String body) {
      super("%s refused the count with %d: %s".formatted(service, status, body), null);
    }
  }

  /** A 2xx whose body is not {@code {total, createdSince}} with figures that can be counts. */
  static final class NotACount extends CallFailure {
    private static final long serialVersionUID = 1L;

    NotACount(String service, String why, @Nullable Throwable cause) {
      super("%s answered something that is not a count: %s".formatted(service, why), cause);
    }
  }

  /**
   * 401: the owner did not take our service token (it expired early, or the owner does not know
   * identity's newest key yet). The token is forgotten, so the next call fetches a fresh one.
   */
  static final class TokenRefused extends CallFailure {
    private static final long serialVersionUID = 1L;

    TokenRefused(String service) {
      super(service + " refused the service token (401); a fresh one is fetched", null);
    }
  }

  /** identity-service issued no service token (unreachable, or it does not know this client). */
  static final class NoToken extends CallFailure {
    private static final long serialVersionUID = 1L;

    NoToken(String service, Throwable cause) {
      super("no service token to ask %s with: %s".formatted(service, cause.getMessage()), cause);
    }
  }
}
