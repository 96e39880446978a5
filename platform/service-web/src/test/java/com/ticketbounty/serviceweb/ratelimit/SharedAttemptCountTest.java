package com.ticketbounty.serviceweb.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketbounty.testsupport.ManualTimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service, each with a pool of its own on the service's one database, count into
 * the same buckets: what one instance let through, the other counts.
 */
class SharedAttemptCountTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final AttemptDatabase DATABASE = AttemptDatabase.create("attempt_sharing");

  private final ManualTimeMeter time = new ManualTimeMeter();

  @AfterAll
  static void dropDatabase() {
    DATABASE.close();
  }

  @Test
  void attemptsAlternatingBetweenTwoInstancesShareOneCount() {
    AttemptBuckets first = new AttemptStore(DATABASE.newPool(), time).buckets(3, MINUTE);
    AttemptBuckets second = new AttemptStore(DATABASE.newPool(), time).buckets(3, MINUTE);

    assertThat(first.attempt("alternating")).isEmpty();
    assertThat(second.attempt("alternating")).isEmpty();
    assertThat(first.attempt("alternating")).isEmpty();

    assertThat(second.attempt("alternating")).contains(MINUTE);
    assertThat(first.attempt("alternating")).contains(MINUTE);
    time.advance(MINUTE);
    assertThat(second.attempt("alternating")).isEmpty();
  }

  @Test
  void attemptsAtOnceAtTwoInstancesLoseNoCount() throws Exception {
    List<AttemptBuckets> instances =
        List.of(
            new AttemptStore(DATABASE.newPool(), time).buckets(10, MINUTE),
            new AttemptStore(DATABASE.newPool(), time).buckets(10, MINUTE));
    List<Callable<Optional<Duration>>> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      AttemptBuckets instance = instances.get(i % 2);
      attempts.add(() -> instance.attempt("at-once"));
    }

    List<Optional<Duration>> answers = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (Future<Optional<Duration>> answer : threads.invokeAll(attempts)) {
        answers.add(answer.get());
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(10);
  }
}
