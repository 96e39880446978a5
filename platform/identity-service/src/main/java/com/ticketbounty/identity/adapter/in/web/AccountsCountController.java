package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.identity.application.AccountCounts;
import com.ticketbounty.identity.application.CountAccounts;
import com.ticketbounty.serviceweb.problem.FieldProblem;
import com.ticketbounty.serviceweb.security.InternalCaller;
import com.ticketbounty.serviceweb.security.ServiceClient;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/identity/accounts/count?since=<ISO-8601 instant>}: how many accounts there
 * are and how many were created at or after {@code since}, for admin-digest-service's daily digest.
 * Internal (the gateway never routes {@code /internal/**}) and for services only: the {@link
 * InternalCaller} argument refuses a request without a token (401) or with a user's (403), and an
 * ADMIN's is refused here (403) too, since no person needs these figures from this endpoint. {@code
 * since} missing or not an instant is a 400.
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
    if (!(caller.who() instanceof ServiceClient)) {
      return Mono.error(serviceOnly());
    }
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

  private static ErrorResponseException serviceOnly() {
    return new ErrorResponseException(
        HttpStatus.FORBIDDEN,
        ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Only a service may do this."),
        null);
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
