package com.ticketbounty.serviceweb.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.testsupport.ManualTimeMeter;
import com.ticketbounty.testsupport.TcpProxy;
import java.time.Duration;
import org.assertj.core.api.AbstractLongAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import reactor.core.publisher.Mono;

/** One endpoint's limit over several keys, on the real PostgreSQL and a clock the test moves. */
class AttemptLimitTest {
  private static final AttemptDatabase DATABASE = AttemptDatabase.create("attempt_limit");

  private final ManualTimeMeter time = new ManualTimeMeter();
  private final AttemptStore store = new AttemptStore(DATABASE.pool(), time);
  private final AttemptLimit signIn = AttemptLimit.perMinute(store, "sign-in", 10);

  @BeforeEach
  void emptyStore() {
    DATABASE.empty();
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }

  @Test
  void refusesTheEleventhAttemptFromOneClientButNotAnotherClient() {
    for (int i = 1; i <= 10; i++) {
      take(signIn, "10.0.0.1", "account-" + i);
    }

    assertRefused("10.0.0.1", "account-11");
    assertAllowed("10.0.0.2", "account-12");
  }

  @Test
  void refusesTheEleventhAttemptOnOneAccountButNotOnAnotherAccount() {
    for (int i = 1; i <= 10; i++) {
      take(signIn, "10.0.0." + i, "victim");
    }

    assertRefused("10.0.0.11", "victim");
    assertAllowed("10.0.0.11", "someone-else");
  }

  @Test
  void anAttemptCountsAgainstBothTheClientAndTheAccount() {
    for (int i = 1; i <= 10; i++) {
      take(signIn, "10.0.0.1", "victim");
    }

    assertRefused("10.0.0.2", "victim");
    assertRefused("10.0.0.1", "someone-else");
    assertAllowed("10.0.0.2", "someone-else");
  }

  @Test
  void countsEachEndpointOnItsOwn() {
    for (int i = 1; i <= 10; i++) {
      take(signIn, "10.0.0.1", "victim");
    }

    AttemptLimit forgot = AttemptLimit.perMinute(store, "forgot-password", 10);
    assertThatCode(() -> take(forgot, "10.0.0.1", "victim")).doesNotThrowAnyException();
  }

  @Test
  void retryAfterCountsToTheEndOfTheMinuteThatBeganWithTheFirstAttempt() {
    for (int i = 1; i <= 10; i++) {
      take(signIn, "10.0.0.1", "account-" + i);
    }
    time.advance(Duration.ofSeconds(20));

    // A greedy refill would have let this one through: 20 s are two tenths of a minute.
    assertRetryAfter("10.0.0.1", "account-11").isEqualTo(40);
    time.advance(Duration.ofSeconds(39));
    assertRetryAfter("10.0.0.1", "account-12").isEqualTo(1);
    time.advance(Duration.ofSeconds(1));
    assertAllowed("10.0.0.1", "account-13");
  }

  @Test
  void theLongerWaitIsTheRetryAfterWhenItIsTheAccounts() {
    for (int i = 1; i <= 10; i++) {
      take(signIn, "10.0.0.1", "account-" + i);
    }
    time.advance(Duration.ofSeconds(30));
    for (int i = 1; i <= 10; i++) {
      take(signIn, "10.0.1." + i, "victim");
    }
    time.advance(Duration.ofSeconds(10));

    // The client may try again in 20 s, the account only in 50 s.
    assertRetryAfter("10.0.0.1", "victim").isEqualTo(50);
  }

  @Test
  void theLongerWaitIsTheRetryAfterWhenItIsTheClients() {
    for (int i = 1; i <= 10; i++) {
      take(signIn, "10.0.1." + i, "victim");
    }
    time.advance(Duration.ofSeconds(30));
    for (int i = 1; i <= 10; i++) {
      take(signIn, "10.0.0.1", "account-" + i);
    }
    time.advance(Duration.ofSeconds(10));

    // The account may be tried again in 20 s, the client only in 50 s.
    assertRetryAfter("10.0.0.1", "victim").isEqualTo(50);
  }

  @Test
  void asksTheStoreOffTheCallersThread() {
    String caller = Thread.currentThread().getName();

    String answeredOn =
        signIn
            .take(AttemptKey.client("10.0.0.1"))
            .then(Mono.fromCallable(() -> Thread.currentThread().getName()))
            .block();

    assertThat(answeredOn).isNotEqualTo(caller).startsWith("boundedElastic");
  }

  @Test
  void refusesAnAttemptItCannotCount() {
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setUrl("jdbc:postgresql://127.0.0.1:" + TcpProxy.freePort() + "/nowhere");
    AttemptLimit limit = AttemptLimit.perMinute(new AttemptStore(unreachable), "sign-in", 10);

    assertThatThrownBy(() -> limit.take(AttemptKey.client("10.0.0.1")).block())
        .isInstanceOf(AttemptLimitUnavailableException.class)
        .hasMessageContaining("sign-in");
  }

  @Test
  void storesNoValueInClear() {
    take(signIn, "10.0.0.1", "ada@example.com");

    assertThat(DATABASE.ids())
        .hasSize(2)
        .allMatch(id -> id.matches("sign-in:(client|account):[0-9a-f]{64}"))
        .noneMatch(id -> id.contains("ada") || id.contains("10.0.0.1"));
  }

  private static void take(AttemptLimit limit, String client, String account) {
    limit.take(AttemptKey.client(client), AttemptKey.account(account)).block();
  }

  private void assertAllowed(String client, String account) {
    assertThatCode(() -> take(signIn, client, account)).doesNotThrowAnyException();
  }

  private void assertRefused(String client, String account) {
    assertRetryAfter(client, account).isBetween(1L, 60L);
  }

  private AbstractLongAssert<?> assertRetryAfter(String client, String account) {
    try {
      take(signIn, client, account);
    } catch (TooManyAttemptsException e) {
      return assertThat(e.retryAfterSeconds());
    }
    throw new AssertionError("expected %s on %s to be refused".formatted(client, account));
  }
}
