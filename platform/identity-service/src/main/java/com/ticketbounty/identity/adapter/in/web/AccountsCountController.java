package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.identity.application.AccountCounts;
import com.ticketbounty.identity.application.CountAccounts;
import com.ticketbounty.serviceweb.problem.FieldProblem;
import com.ticketbounty.serviceweb.security.InternalCaller;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/identity/accounts/count?since=<ISO-8601 instant>}: how many accounts there
 * are and how many were created at or after {@code since}, for admin-digest-service's daily digest.
 * Internal (the gateway never routes {@code /internal/**}) and, like every internal endpoint, for
 * services and administrators: the {@link InternalCaller} argument refuses a request without a
 * token (401) or with a user's (403). {@code since} missing or not an instant is a 400.
 */
@RestController
class AccountsCountController {
  static final String SINCE = "since";

  private final CountAccounts countAccounts;

  AccountsCountController(CountAccounts countAccounts) {
    this.countAccounts = countAccounts;
  }

  @GetMapping("/internal/identity/accounts/count")
  Mono<Counted> count(
      InternalCaller caller, @RequestParam(name = SINCE, required = false) @Nullable String since) {
    return Mono.fromCallable(() -> instant(since)).flatMap(countAccounts::count).map(Counted::of);
  }

  /** Strictly ISO-8601 ({@code 2026-11-27T00:00:00Z}, or with an offset), never epoch numbers. */
  private static Instant instant(@Nullable String since) {
    if (since == null || since.isBlank()) {
      throw new BadParameterException(new FieldProblem(SINCE, "is required"));
    }
    try {
      return Instant.parse(since.strip());
    } catch (DateTimeParseException e) {
      throw new BadParameterException(
          new FieldProblem(SINCE, "must be an ISO-8601 instant, such as 2026-11-27T00:00:00Z"));
    }
  }

  /**
   * @param total every account there is
   * @param createdSince the accounts created at or after {@code since}
   * @param since the instant counted from
   */
  record Counted(long total, long createdSince, Instant since) {
    static Counted of(AccountCounts counts) {
      return new Counted(counts.total(), counts.createdSince(), counts.since());
    }
  }
}
