package com.ticketbounty.serviceweb.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketbounty.testsupport.ManualTimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buckets' semantics, counted in the real PostgreSQL on a clock the test moves. */
class AttemptBucketsTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final AttemptDatabase DATABASE = AttemptDatabase.create("attempt_buckets");

  private final ManualTimeMeter time = new ManualTimeMeter();
  private final AttemptStore store = new AttemptStore(DATABASE.pool(), time);
  private final AttemptBuckets buckets = store.buckets(3, MINUTE);

  @BeforeEach
  void emptyStore() {
    DATABASE.empty();
  }

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }

  @Test
  void refusesTheAttemptAfterTheLimitUntilTheWindowIsOver() {
    time.advance(Duration.ofSeconds(50));
    assertThat(buckets.attempt("10.0.0.1")).isEmpty();
    time.advance(Duration.ofSeconds(20));
    assertThat(buckets.attempt("10.0.0.1")).isEmpty();
    assertThat(buckets.attempt("10.0.0.1")).isEmpty();

    // However slowly the three came, the fourth waits for the end of the key's first minute.
    assertThat(buckets.attempt("10.0.0.1")).contains(Duration.ofSeconds(40));
    time.advance(Duration.ofSeconds(39));
    assertThat(buckets.attempt("10.0.0.1")).contains(Duration.ofSeconds(1));
    time.advance(Duration.ofSeconds(1));
    assertThat(buckets.attempt("10.0.0.1")).isEmpty();
  }

  @Test
  void countsEachKeyOnItsOwn() {
    for (int i = 0; i < 3; i++) {
      buckets.attempt("10.0.0.1");
    }

    assertThat(buckets.attempt("10.0.0.1")).isPresent();
    assertThat(buckets.attempt("10.0.0.2")).isEmpty();
  }

  @Test
  void forgetsOnlyTheKeysWhoseWindowIsOver() {
    buckets.attempt("idle");
    time.advance(Duration.ofSeconds(30));
    buckets.attempt("busy");
    time.advance(Duration.ofSeconds(31));

    assertThat(store.forgetIdle()).isEqualTo(1);

    assertThat(DATABASE.ids()).hasSize(1);
    buckets.attempt("busy");
    buckets.attempt("busy");
    assertThat(buckets.attempt("busy")).as("the busy key's count survived").isPresent();
  }

  @Test
  void staysBoundedByTheRecentClients() {
    int clients = AttemptStore.PRUNE_BATCH + 100; // more than one pruning batch
    for (int i = 0; i < clients; i++) {
      buckets.attempt("10.0." + (i / 256) + "." + (i % 256));
    }
    time.advance(MINUTE);

    assertThat(store.forgetIdle()).isEqualTo(clients);

    assertThat(DATABASE.ids()).isEmpty();
  }

  @Test
  void turnsAWaitIntoWholeSecondsRoundedUpAndAtLeastOne() {
    assertThat(AttemptBuckets.retryAfterSeconds(Duration.ofSeconds(40))).isEqualTo(40);
    assertThat(AttemptBuckets.retryAfterSeconds(Duration.ofSeconds(39).plusNanos(1))).isEqualTo(40);
    assertThat(AttemptBuckets.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(AttemptBuckets.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
  }

  @Test
  void refusesFewerThanOneAttemptOrAnEmptyWindow() {
    assertThatThrownBy(() -> store.buckets(0, MINUTE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.buckets(3, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
