package com.ticketbounty.reliability.soak;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the accounts signed in for a soak longer than an access token lives (15 minutes): every 30
 * s, each account whose tokens are older than 10 minutes trades its refresh token for new ones, as
 * a frontend does before its token expires. Refreshes are outside the measured mix; a failed one is
 * counted (the account's next requests would then fail too, and show).
 */
final class TokenRefresher implements AutoCloseable {
  static final Duration REFRESH_AFTER = Duration.ofMinutes(10);

  private final GatewayCalls calls;
  private final List<Account> accounts;
  private final ScheduledExecutorService schedule =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "soak-token-refresher"));
  private final AtomicLong refreshed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  TokenRefresher(GatewayCalls calls, List<Account> accounts) {
    this.calls = calls;
    this.accounts = accounts;
  }

  void start() {
    schedule.scheduleWithFixedDelay(this::refreshOld, 30, 30, TimeUnit.SECONDS);
  }

  private void refreshOld() {
    for (Account account : accounts) {
      if (account.tokenAgeNanos() < REFRESH_AFTER.toNanos()) {
        continue;
      }
      try {
        String body = Traffic.expect(200, calls.refresh(account.refreshToken())).join();
        account.tokens(
            GatewayCalls.field(body, "/accessToken"), GatewayCalls.field(body, "/refreshToken"));
        refreshed.incrementAndGet();
      } catch (RuntimeException e) {
        failed.incrementAndGet();
      }
    }
  }

  long refreshed() {
    return refreshed.get();
  }

  long failed() {
    return failed.get();
  }

  void stop() throws InterruptedException {
    schedule.shutdown();
    schedule.awaitTermination(1, TimeUnit.MINUTES);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
