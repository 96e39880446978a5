package com.ticketbounty.reliability.faults;

import com.ticketbounty.bench.driver.Completions;
import com.ticketbounty.bench.driver.OpenLoop;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The suite's steady load: requests through the gateway on a fixed schedule ({@link OpenLoop}, open
 * loop: a slow or failing answer never delays the next request). Of every ten, one signs a new
 * account up and changes its password, three comment on a ticket opened earlier in the phase (by an
 * account other than its owner, at most one comment per ticket), and the rest open tickets, one in
 * four of them urgent. Everything it makes carries the phase's tag, so the reconciliation finds it
 * in the databases; what was answered as created is kept, to check that it is there.
 */
final class Load implements OpenLoop.Sender {
  private final Frontend frontend;
  private final List<Account> accounts;
  private final String tag;
  private final Queue<Ticket> uncommented = new ConcurrentLinkedQueue<>();
  private final Set<String> answeredTickets = ConcurrentHashMap.newKeySet();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  /** An account of the load's pool, signed in. */
  record Account(String id, String accessToken) {}

  private record Ticket(String id, int owner) {}

  Load(Frontend frontend, List<Account> accounts, String tag) {
    this.frontend = frontend;
    this.accounts = accounts;
    this.tag = tag;
  }

  @Override
  public void send(int seq, long intendedMicros) {
    int kind = seq % 10;
    CompletableFuture<Boolean> request;
    if (kind == 0) {
      request = newAccount(seq);
    } else if (kind % 3 == 0 && !uncommented.isEmpty()) {
      request = comment(seq);
    } else {
      request = ticket(seq);
    }
    CompletableFuture<?> counted =
        request.thenAccept(ok -> (ok ? answered : failed).incrementAndGet());
    inFlight.add(counted);
    counted.whenComplete((done, error) -> inFlight.remove(counted));
  }

  private CompletableFuture<Boolean> ticket(int seq) {
    int owner = seq % accounts.size();
    return frontend
        .openTicket(accounts.get(owner).accessToken(), "%s %d".formatted(tag, seq), seq % 4 == 1)
        .thenApply(
            answer -> {
              if (answer.status() != 201) {
                return false;
              }
              answeredTickets.add(answer.text("/id"));
              uncommented.add(new Ticket(answer.text("/id"), owner));
              return true;
            });
  }

  private CompletableFuture<Boolean> comment(int seq) {
    Ticket ticket = uncommented.poll();
    if (ticket == null) {
      return ticket(seq);
    }
    Account commenter = accounts.get((ticket.owner() + 1) % accounts.size());
    return frontend
        .comment(commenter.accessToken(), ticket.id(), "%s comment %d".formatted(tag, seq))
        .thenApply(answer -> answer.status() == 201);
  }

  private CompletableFuture<Boolean> newAccount(int seq) {
    return frontend
        .signUp("%su%d".formatted(tag, seq))
        .thenCompose(
            signedUp ->
                signedUp.status() != 201
                    ? CompletableFuture.completedFuture(false)
                    : frontend
                        .changePassword(signedUp.text("/accessToken"))
                        .thenApply(changed -> changed.status() == 204));
  }

  /** Waits (up to a minute) for the answers of the requests still in flight. */
  void awaitAnswers() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Tickets whose creation was answered 201: each must be in ticket-service's database. */
  Set<String> answeredTickets() {
    return Set.copyOf(answeredTickets);
  }

  int answered() {
    return answered.get();
  }

  int failed() {
    return failed.get();
  }

  /** A completions record the open loop needs; the suite measures no latency from it. */
  static Completions completions(int count) {
    return new Completions(count);
  }
}
