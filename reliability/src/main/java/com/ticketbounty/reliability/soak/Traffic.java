package com.ticketbounty.reliability.soak;

import com.ticketbounty.bench.driver.Clocks;
import com.ticketbounty.bench.driver.Completions;
import com.ticketbounty.bench.driver.OpenLoop;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The soak's requests, one per slot of the open loop, in {@link Operation#MIX}'s order. A request
 * completes when its answer arrives with a 2xx status (a password change when the sign-in after it
 * is answered); anything else is a failure, counted and kept in {@link Outcomes}. Tickets are
 * opened by the signed-up accounts in turn, comments and reads go to recently opened tickets, and a
 * sign-up's new account joins the ones that open tickets and comment.
 */
final class Traffic implements OpenLoop.Sender {
  private static final int RECENT_TICKETS = 256;

  private final GatewayCalls calls;
  private final Completions completions;
  private final Outcomes outcomes;
  private final List<Account> accounts;
  private final List<Account> passwordChangers;
  private final AtomicReferenceArray<String> recentTickets =
      new AtomicReferenceArray<>(RECENT_TICKETS);
  private final AtomicInteger ticketsOpened = new AtomicInteger();
  private final AtomicInteger passwordChanges = new AtomicInteger();

  Traffic(
      GatewayCalls calls,
      Completions completions,
      Outcomes outcomes,
      List<Account> accounts,
      List<Account> passwordChangers,
      List<String> tickets) {
    this.calls = calls;
    this.completions = completions;
    this.outcomes = outcomes;
    this.accounts = new CopyOnWriteArrayList<>(accounts);
    this.passwordChangers = List.copyOf(passwordChangers);
    tickets.forEach(this::opened);
  }

  /** The accounts that open tickets and comment, the soak's sign-ups included; their tokens age. */
  List<Account> accounts() {
    return accounts;
  }

  @Override
  public void send(int seq, long intendedMicros) {
    Operation operation = Operation.MIX.get(seq % Operation.MIX.size());
    outcomes.sent(operation);
    CompletableFuture<String> answered =
        switch (operation) {
          case SIGN_UP -> signUp();
          case PASSWORD_CHANGE -> changePassword();
          case TICKET -> openTicket(seq % 2 == 0 ? "low" : "high", seq);
          case URGENT_TICKET -> openTicket("urgent", seq);
          case COMMENT -> expect(201, calls.comment(anyAccount(), recentTicket(), seq));
          case LIST -> expect(200, calls.get("/api/tickets?size=20"));
          case TICKET_READ -> expect(200, calls.get("/api/tickets/" + recentTicket()));
          case COMMENTS_READ ->
              expect(200, calls.get("/api/tickets/" + recentTicket() + "/comments?limit=10"));
        };
    answered.whenComplete(
        (body, error) -> {
          if (error == null) {
            completions.completed(seq, Clocks.wallMicros());
            outcomes.answered(operation);
          } else {
            outcomes.failed(operation, String.valueOf(rootCause(error).getMessage()));
          }
        });
  }

  private CompletableFuture<String> signUp() {
    return signUp(calls)
        .thenApply(
            account -> {
              accounts.add(account);
              return account.email();
            });
  }

  /** Signs a new account up through the gateway: the account, signed in. */
  static CompletableFuture<Account> signUp(GatewayCalls calls) {
    var account = GatewayCalls.newAccount();
    return expect(201, calls.signUp(account))
        .thenApply(
            body ->
                new Account(
                    account.get("email"),
                    account.get("password"),
                    GatewayCalls.field(body, "/accessToken"),
                    GatewayCalls.field(body, "/refreshToken")));
  }

  /**
   * A password change ends every session of the account, this one too (identity's {@code
   * ChangePassword}), so the user signs in again with the new password, as a frontend would make
   * them; both answers make one completion. Each account changes at most one at a time.
   */
  private CompletableFuture<String> changePassword() {
    int turn = passwordChanges.getAndIncrement();
    Account account = freeChanger(turn);
    if (account == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "every password changer's previous change is still going (%d accounts)"
                  .formatted(passwordChangers.size())));
    }
    String changed = "soak-pass-" + (turn + 1);
    return expect(204, calls.changePassword(account, changed))
        .thenCompose(
            none -> {
              account.password(changed);
              return expect(200, calls.signIn(account.email(), changed));
            })
        .thenApply(
            body -> {
              account.tokens(
                  GatewayCalls.field(body, "/accessToken"),
                  GatewayCalls.field(body, "/refreshToken"));
              return body;
            })
        .whenComplete((body, error) -> account.release());
  }

  /**
   * The first account, from this turn's on, not in the middle of a change: while start-up makes
   * changes slow, the next turn takes another account rather than failing on a busy one.
   */
  private @Nullable Account freeChanger(int turn) {
    for (int i = 0; i < passwordChangers.size(); i++) {
      Account account = passwordChangers.get((turn + i) % passwordChangers.size());
      if (account.claim()) {
        return account;
      }
    }
    return null;
  }

  private CompletableFuture<String> openTicket(String priority, int seq) {
    Account owner = accounts.get(ticketsOpened.getAndIncrement() % accounts.size());
    return expect(201, calls.openTicket(owner, priority, seq))
        .thenApply(
            body -> {
              opened(GatewayCalls.field(body, "/id"));
              return body;
            });
  }

  private void opened(String ticketId) {
    int slot = ThreadLocalRandom.current().nextInt(RECENT_TICKETS);
    recentTickets.set(slot, ticketId);
  }

  /** A ticket opened before; the slots start filled by the tickets opened while setting up. */
  private String recentTicket() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String ticket;
    do {
      ticket = recentTickets.get(random.nextInt(RECENT_TICKETS));
    } while (ticket == null);
    return ticket;
  }

  private Account anyAccount() {
    return accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
  }

  /** The answer's body when its status is {@code status}; otherwise a failure naming both. */
  static CompletableFuture<String> expect(
      int status, CompletableFuture<HttpResponse<String>> answer) {
    return answer.thenApply(
        response -> {
          if (response.statusCode() != status) {
            throw new IllegalStateException(
                "%s %s answered %d (expected %d): %s"
                    .formatted(
                        response.request().method(),
                        response.request().uri().getPath(),
                        response.statusCode(),
                        status,
                        abbreviated(response.body())));
          }
          return response.body();
        });
  }

  private static String abbreviated(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
